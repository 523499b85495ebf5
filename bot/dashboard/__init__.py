"""The web dashboard: pages for admins and mentors, served by `guide run`."""
