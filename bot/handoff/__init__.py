"""The mentor handoff: a persisted state machine, mentors, timers."""
