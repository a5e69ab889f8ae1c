// Placeholder; replaced by the real post-install step.
