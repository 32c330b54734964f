#pragma once

#include "server/serveraddress.h"

#include <QList>
#include <QString>

namespace cp::bench {

// The floors of the store's team-server paths, straight on QPSQL: the least any client must do
// against the same tables of the same server. Each call opens its own connections.
class RawPostgres
{
public:
    explicit RawPostgres(const ServerAddress &address) : m_address(address) {}

    // 'writers' connections, each committing 'perWriter' single-row INSERT transactions into
    // the timeline of 'incidentId' at once. Returns each commit's time (ms); empty on a failure
    // (with the reason in *why).
    QList<double> appendConcurrently(qint64 incidentId, int writers, int perWriter, QString *why) const;
    // Connects and reads the newest 'limit' entries of an incident as the timeline's first page
    // does; the rows read, or -1.
    int firstPage(qint64 incidentId, int limit) const;
    // 'count' entries made by the server itself (generate_series) plus the change log's one
    // "timeline reloaded" row, as a bulk append logs it: the fixture of a big incident.
    bool fillTimeline(qint64 incidentId, int count, QString *why) const;
    // How many entries the incident has, and how many distinct texts and "entry inserted"
    // change-log rows; false when the server could not say.
    struct Counts
    {
        qint64 entries = 0;
        qint64 distinctTexts = 0;
        qint64 insertsLogged = 0;
    };
    bool count(qint64 incidentId, Counts *counts) const;

private:
    ServerAddress m_address;
};

} // namespace cp::bench
