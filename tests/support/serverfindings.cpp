#include "serverfindings.h"

#include "server/servercheck.h"
#include "server/serverconnection.h"

#include <QSqlQuery>

namespace cp::test {

QHash<QString, int> ServerFindings::bodies(const QString &server, qint64 incident, const QString &prefix)
{
    ServerConnection connection;
    QHash<QString, int> found;
    if (!connection.open(*ServerAddress::parse(server)).ok())
        return found;
    QSqlQuery q(connection.database());
    q.prepare(QStringLiteral("SELECT body, COUNT(*) FROM timeline_entry WHERE incident_id = ? AND body LIKE ? "
                             "GROUP BY body"));
    q.addBindValue(incident);
    q.addBindValue(prefix + QLatin1Char('%'));
    if (q.exec()) {
        while (q.next())
            found.insert(q.value(0).toString(), q.value(1).toInt());
    }
    return found;
}

QStringList ServerFindings::checkProblems(const QString &server)
{
    ServerConnection connection;
    if (StoreError error = connection.open(*ServerAddress::parse(server)); !error.ok())
        return {error.message()};
    auto report = ServerCheck::run(connection.database());
    if (!report)
        return {report.error().message()};
    QStringList problems = report->problems;
    if (!report->storageNotChecked.isEmpty())
        problems << QStringLiteral("amcheck did not run: ") + report->storageNotChecked;
    else if (report->indexesChecked == 0 || report->tablesChecked == 0)
        problems << QStringLiteral("amcheck checked nothing");
    return problems;
}

} // namespace cp::test
