"""What parents and school websites get: public pages, PDF, Word, the school finder, open data."""
