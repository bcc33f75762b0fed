-- Version 12: the date a page states, kept with its document, so that `kb add` can tell when the
-- page it adds states an older date than the one it replaces (kb build compares the pages it
-- reads; kb add has only the database's copy of the older one). A migrated file's documents
-- have no stated date: nothing is compared for them until they are added again.
ALTER TABLE documents ADD COLUMN stated_date TEXT;  -- YYYY-MM-DD: front matter updated_at/scraped_at, a title's closing date, or its MANIFEST.md origin's; NULL when none

PRAGMA user_version = 12;
