// libxml2's HTML parser (Debian: libxml2-dev; pkg-config: libxml-2.0), used through its SAX
// interface to read the pages the documentation site serves.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, and encoding.h then includes the system's ICU headers, whose
// `enum UErrorCode` clashes with Foundation's own copy (module _FoundationICU): a clean build
// fails. kb never looks inside an encoding handler (the only struct with ICU fields, reached
// through pointers), so the ICU parts are kept out of view.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
