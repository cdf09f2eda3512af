"""Developer tools that drive Crossings from outside (not shipped in the package or the installer)."""
