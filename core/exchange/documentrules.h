#pragma once

#include "db/storeerror.h"
#include "incidentdocument.h"

#include <QDateTime>

namespace cp {

// The domain rules over a whole-incident document, row by row, before anything is written: an
// import refuses what the app itself refuses (text that is too long or not whole Unicode, a
// handle with a space, an entry dated in the future, a resolution before the declaration, an
// assignment ending before it starts or held twice at once, a negative timer, a roll-call
// number used twice). Problems are named like the reader's: "/timeline/12/occurred_at: …".
class DocumentRules
{
    Q_DECLARE_TR_FUNCTIONS(cp::DocumentRules)
public:
    static StoreError check(const IncidentDocument &document, const QDateTime &nowUtc);
};

} // namespace cp
