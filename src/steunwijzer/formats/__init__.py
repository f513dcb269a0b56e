"""Date formats where Django's own do not suit the readers (FORMAT_MODULE_PATH)."""
