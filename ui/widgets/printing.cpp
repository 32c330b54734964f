#include "printing.h"

#include "ownplugin.h"

namespace cp {

namespace {

Q_LOGGING_CATEGORY(lcPrinting, "commandpost.printing")

} // namespace

Printing *Printing::plugin()
{
    static Printing *const printing = ownPlugin<Printing>(QStringLiteral("cp_print"), "no print plugin:", lcPrinting());
    return printing;
}

} // namespace cp
