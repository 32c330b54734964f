#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace cp::test {

// What a fault test finds on a team server once the fault has passed.
class ServerFindings
{
public:
    // How many times each body starting with 'prefix' is on incident 'incident's timeline; empty
    // when the server cannot be read.
    static QHash<QString, int> bodies(const QString &server, qint64 incident, const QString &prefix);
    // The server's own check ('commandpost-cli server check': amcheck on every index and table,
    // the change log's rules): empty when all is well, else the problems, or why it did not run.
    static QStringList checkProblems(const QString &server);
};

} // namespace cp::test
