"""Tools around the engine: synthetic data for the benchmark."""
