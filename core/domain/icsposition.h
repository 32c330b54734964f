#pragma once

#include <QCoreApplication>

namespace cp {

// The ICS position a CommandPost role stands in for on the FEMA forms. A technical response
// names its roles for the work (Scribe, Subject Matter Expert); the ICS 201, 207 and 214 name
// positions (Documentation Unit Leader, Technical Specialist). The forms print the role and say
// which position it stands in for; a role without a counterpart is printed as it is.
class IcsPosition
{
    Q_DECLARE_TR_FUNCTIONS(cp::IcsPosition)
public:
    // "Documentation Unit Leader" for "scribe"; empty when the role has no ICS counterpart.
    static QString forRole(const QString &roleKey);
    // What a form prints in an ICS Position field: "Scribe (stands in for Documentation Unit
    // Leader)"; the title alone when the role is the position ("Incident Commander") or has none.
    static QString describe(const QString &roleKey, const QString &roleTitle);
};

} // namespace cp
