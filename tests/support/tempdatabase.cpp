#include "tempdatabase.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace cp::test {

TempDatabase::TempDatabase() : m_dir(QDir::tempPath() + QStringLiteral("/cp-test-XXXXXX")) {}

QString TempDatabase::path(const QString &name) const
{
    return m_dir.filePath(name);
}

bool TempDatabase::damageTable(const QString &file, const QString &table)
{
    qint64 rootPage = 0;
    qint64 pageSize = 0;
    const QString name = QStringLiteral("damage-%1").arg(quintptr(&rootPage));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = '%1'")
                           .arg(table)) &&
                q.next())
                rootPage = q.value(0).toLongLong();
            if (q.exec(QStringLiteral("PRAGMA page_size")) && q.next())
                pageSize = q.value(0).toLongLong();
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    QFile f(file);
    if (rootPage < 2 || pageSize == 0 || !f.open(QIODevice::ReadWrite))
        return false;
    // The page header's cell count and pointers: SQLite can no longer walk the tree.
    return f.seek((rootPage - 1) * pageSize + 3) && f.write(QByteArray(64, '\xA5')) == 64;
}

QByteArray TempDatabase::fingerprint(const QString &file)
{
    const QFileInfo info(file);
    if (info.exists() && !info.isFile())
        return QByteArrayLiteral("not a regular file"); // a FIFO would block a read
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result().toHex();
}

QStringList TempDatabase::files() const
{
    return QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

bool TempDatabase::writeBytes(const QString &file, const QByteArray &bytes) const
{
    QFile f(file);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QString TempDatabase::executable(const QString &name)
{
    QString dir = qEnvironmentVariable("CP_TEST_BIN_DIR");
    if (dir.isEmpty())
        dir = QCoreApplication::applicationDirPath();
    // Tests live in build/tests/<label>/; the apps in build/app/<kind>/.
    for (const QString &candidate : {dir + QStringLiteral("/../../app/cli/") + name,
                                     dir + QStringLiteral("/../../app/gui/") + name, dir + QLatin1Char('/') + name}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

} // namespace cp::test
