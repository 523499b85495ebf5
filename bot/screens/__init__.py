"""Screenshots of the Chinese app, read and labelled in the newcomer's language."""
