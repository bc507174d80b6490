#!/usr/bin/env python3
"""Writes flower.csv: the planar "flower" data set of the notes (Coursera planar_utils
load_planar_dataset): m=400 points, 2 classes, 4 petals r = a*sin(4t) + noise. Pure Python,
fixed seed, so the file is reproducible: python3 make_flower.py > flower.csv"""
import math, random

random.seed(1)
m, n = 400, 200  # points, points per class
a = 4            # maximum ray of the flower
rows = []
for j in range(2):
    for i in range(n):
        t = j * 3.12 + i * 3.12 / (n - 1) + random.gauss(0, 0.2)
        r = a * math.sin(4 * t) + random.gauss(0, 0.2)
        rows.append((r * math.sin(t), r * math.cos(t), j))
print("x1,x2,label")
for x1, x2, y in rows:
    print(f"{x1:.6f},{x2:.6f},{y}")
