"""The procedural motion generator: poses, motion tables, bodies, animation and virtual cameras."""
