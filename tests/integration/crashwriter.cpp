// cp_crashwriter: the writer the crash loop kills. Reads one request per stdin line, carries it
// out as one store command and prints the new item's id only after the command committed, so an
// id on stdout is a promise that the item is on disk.
//
//   cp_crashwriter --db FILE --incident ID timers        each line: a timer label (a 10 min countdown)
//   cp_crashwriter --db FILE --incident ID assignments   each line: a person id; the role "crash-desk"
//                                                        is handed over to them (assigned if vacant);
//                                                        prints the new assignment's id
#include "db/incidentstore.h"
#include "domain/clock.h"

#include <QCoreApplication>

#include <cstdio>
#include <iostream>
#include <string>

namespace {

int fail(const cp::StoreError &error)
{
    std::fprintf(stderr, "cp_crashwriter: %s\n", qPrintable(error.message()));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 6 || args.at(1) != QLatin1String("--db") || args.at(3) != QLatin1String("--incident")) {
        std::fprintf(stderr, "usage: cp_crashwriter --db FILE --incident ID timers|assignments\n");
        return 64;
    }
    const QString mode = args.at(5);
    const qint64 incidentId = args.at(4).toLongLong();
    cp::IncidentStore store(cp::SystemClock::instance());
    if (cp::StoreError error = store.session().open(args.at(2)); !error.ok())
        return fail(error);
    const QString author = QStringLiteral("crash");
    const QString roleKey = QStringLiteral("crash-desk");

    std::string raw;
    while (std::getline(std::cin, raw)) {
        const QString line = QString::fromStdString(raw).trimmed();
        if (line.isEmpty())
            continue;
        qint64 id = 0;
        if (mode == QLatin1String("timers")) {
            auto started = store.timers().startCountdown(incidentId, line, 10 * 60 * 1000, cp::TimerOptions(), author);
            if (!started)
                return fail(started.error());
            id = *started;
        } else if (mode == QLatin1String("assignments")) {
            const qint64 personId = line.toLongLong();
            auto roles = store.roles().list(incidentId);
            if (!roles)
                return fail(roles.error());
            bool held = false;
            for (const cp::IncidentRole &r : *roles) {
                if (r.definition.key == roleKey)
                    held = !r.holders.isEmpty();
            }
            if (held) {
                if (cp::StoreError error = store.roles().handOver(incidentId, roleKey, 0, personId, author);
                    !error.ok())
                    return fail(error);
                auto history = store.roles().assignmentHistory(incidentId);
                if (!history)
                    return fail(history.error());
                for (const cp::Assignment &a : *history) {
                    if (a.roleKey == roleKey && !a.endedAt.isValid())
                        id = a.id;
                }
            } else {
                auto assigned = store.roles().assign(incidentId, roleKey, personId, author);
                if (!assigned)
                    return fail(assigned.error());
                id = *assigned;
            }
        } else {
            std::fprintf(stderr, "cp_crashwriter: unknown mode\n");
            return 64;
        }
        std::printf("%lld\n", id);
        std::fflush(stdout);
    }
    return 0;
}
