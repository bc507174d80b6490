package com.example.dlkit.stats;

import org.pf4j.Plugin;

/** The plugin's entry class, named by Plugin-Class in the jar manifest. */
public class StatsPlugin extends Plugin {}
