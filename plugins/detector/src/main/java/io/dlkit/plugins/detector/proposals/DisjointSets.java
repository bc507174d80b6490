package io.dlkit.plugins.detector.proposals;

/** Union-find over pixels with union by rank, path halving, and each set's size. */
final class DisjointSets {
    private final int[] parent;
    private final int[] rank;
    private final int[] size;

    DisjointSets(int n) {
        parent = new int[n];
        rank = new int[n];
        size = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
        }
    }

    int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Joins the sets of roots {@code a} and {@code b}; returns the new root. */
    int union(int a, int b) {
        if (rank[a] < rank[b]) {
            int t = a;
            a = b;
            b = t;
        }
        parent[b] = a;
        size[a] += size[b];
        if (rank[a] == rank[b]) {
            rank[a]++;
        }
        return a;
    }

    int size(int root) {
        return size[root];
    }
}
