// libxml2's HTML parser (Debian: libxml2-dev; pkg-config: libxml-2.0), used through its SAX
// interface to read the pages the documentation site serves.
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
