#pragma once

#include "db/incidentstore.h"

#include <QHash>
#include <QString>

namespace cp::test {

// A SEV-1 technical incident with a commander, a Deputy, a Scribe and five SMEs (one role, five
// holders), the staffing the roll-call tests call on. People are found by handle in people.
struct RollCallScenario
{
    qint64 incidentId = 0;
    QHash<QString, qint64> people; // handle → person id
    QStringList smeHandles;        // in the order they were assigned (the call order)

    // Empty on success, else what went wrong.
    QString setUp(IncidentStore &store, const QString &author = QStringLiteral("ana"));
};

} // namespace cp::test
