"""newcomer-guide: a platform-neutral bot core that welcomes newcomers to RedNote."""
