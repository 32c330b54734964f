#include "walfixture.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace cp::test {

QByteArray foreignWal(const QString &folder, int pageSize)
{
    const QString path = QDir(folder).filePath(QStringLiteral("foreign-wal-source.sqlite"));
    const QString connection = QStringLiteral("foreign-wal-%1").arg(pageSize);
    QByteArray wal;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            bool ok = q.exec(QStringLiteral("PRAGMA page_size = %1").arg(pageSize));
            for (const char *sql : {"PRAGMA journal_mode = WAL", "PRAGMA wal_autocheckpoint = 0", "CREATE TABLE t(x)",
                                    "INSERT INTO t VALUES (1)"})
                ok = ok && q.exec(QString::fromLatin1(sql));
            QFile file(path + QStringLiteral("-wal"));
            if (ok && file.open(QIODevice::ReadOnly))
                wal = file.readAll(); // before the close checkpoints it away
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    return wal;
}

} // namespace cp::test
