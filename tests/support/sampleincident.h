#pragma once

#include "db/incidentstore.h"
#include "fakeclock.h"
#include "tempdatabase.h"

namespace cp::test {

// A realistic SEV-1 told through the store as a team would live it: a declared incident with
// the technical response roles, six people (one hand-over of the Scribe), a severity change, the
// status moving to resolved, about forty timeline entries (actions, decisions, callouts, status
// reports, key events, one amended and one retracted entry), timers, a ticked checklist line and
// the postmortem owner. The clock advances between steps. Returns the incident id (0: failed,
// with a warning saying why).
struct SampleIncident
{
    static qint64 create(IncidentStore &store, FakeClock &clock);
    static QString title() { return QStringLiteral("Checkout events stuck behind a database lock"); }
    // The key events' texts in the order they happened.
    static QStringList keyEventTexts(const IncidentStore &store, qint64 incidentId);
};

// A drill with many people: the technical response roles, 'people' responders from two
// departments and five teams, the Scribe handed over once, everyone else a liaison or a Subject
// Matter Expert, each logging one note. Shows whether forms keep everybody. Returns the
// incident id (0: failed, with a warning).
struct DrillIncident
{
    static qint64 create(IncidentStore &store, FakeClock &clock, int people);
    static QString title() { return QStringLiteral("Regional failover drill"); }
    // The responders' names, in the order they were added.
    static QStringList names(int people);
};

// A temporary database holding the sample incident: the fixture of the tests that read it.
struct SampleDatabase
{
    TempDatabase tmp;
    FakeClock clock;
    IncidentStore store{clock};
    qint64 incident = 0;

    // Opens the database and tells the sample; false (with a warning) when either failed.
    bool open()
    {
        if (!store.session().open(tmp.path()).ok())
            return false;
        incident = SampleIncident::create(store, clock);
        return incident > 0;
    }
};

} // namespace cp::test
