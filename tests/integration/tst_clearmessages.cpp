// Refusals that used to name the wrong cause, each now with the right one and nothing changed:
// a schema that does not match its version, an empty SQLite file given to a writing command, a
// read-only mount (reading works; writing and restoring say the disk is read-only, not that a
// window has the file), and an import that would read without end.
#include "clirunner.h"
#include "tempdatabase.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <sys/mount.h>

using namespace cp;
using namespace cp::test;

class TstClearMessages : public QObject
{
    Q_OBJECT

    CliRunner m_cli;

    QStringList db(const QString &path) const { return {QStringLiteral("--db"), path}; }
    void prepare(const QString &path)
    {
        CLI_OK(m_cli.run(db(path) << QStringLiteral("init")));
        CLI_OK(m_cli.run(db(path) << QStringLiteral("incident") << QStringLiteral("new") << QStringLiteral("--title")
                                  << QStringLiteral("A") << QStringLiteral("--severity") << QStringLiteral("SEV-2")));
    }
    static bool sql(const QString &path, const QStringList &statements)
    {
        bool ok = true;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(path);
            ok = raw.open();
            QSqlQuery q(raw);
            for (const QString &statement : statements)
                ok = ok && q.exec(statement);
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        return ok;
    }
    CliRun logLine(const QString &path) const
    {
        return m_cli.run(db(path) << QStringLiteral("log") << QStringLiteral("--incident") << QStringLiteral("1")
                                  << QStringLiteral("x"));
    }

private slots:
    void schemaThatDoesNotMatchItsVersion()
    {
        TempDatabase tmp;
        prepare(tmp.path());
        QVERIFY(sql(tmp.path(), {QStringLiteral("PRAGMA user_version = 5")})); // the step-6 tables stay
        const QByteArray before = TempDatabase::fingerprint(tmp.path());
        const CliRun refused = logLine(tmp.path());
        CLI_FAILS_SILENTLY(refused, ExitBadDatabase, "corrupt");
        QVERIFY2(refused.err.contains("does not match its schema version 5"), qPrintable(refused.describe()));
        QCOMPARE(TempDatabase::fingerprint(tmp.path()), before);
    }

    void emptySqliteFileIsNotAdoptedByAWrite()
    {
        TempDatabase tmp;
        QVERIFY(sql(tmp.path(), {QStringLiteral("CREATE TABLE t(x)"), QStringLiteral("DROP TABLE t")}));
        const QByteArray before = TempDatabase::fingerprint(tmp.path());
        const QStringList files = tmp.files();
        const CliRun refused = logLine(tmp.path());
        CLI_FAILS_SILENTLY(refused, ExitBadDatabase, "empty-file");
        QVERIFY2(refused.err.contains("init"), qPrintable(refused.describe()));
        CLI_FAILS(m_cli.run(db(tmp.path()) << QStringLiteral("incident") << QStringLiteral("list")), ExitBadDatabase,
                  "empty-file");
        QCOMPARE(TempDatabase::fingerprint(tmp.path()), before);
        QCOMPARE(tmp.files(), files);
        CLI_OK(m_cli.run(db(tmp.path()) << QStringLiteral("init"))); // asked to, it becomes ours
    }

    void readOnlyMount()
    {
        TempDatabase tmp;
        const QString mountPoint = tmp.path(QStringLiteral("ro"));
        QVERIFY(QDir().mkpath(mountPoint));
        const QByteArray target = QFile::encodeName(mountPoint);
        if (::mount("tmpfs", target.constData(), "tmpfs", MS_NOSUID | MS_NODEV, "size=4m,mode=0700") != 0)
            QSKIP("cannot mount a tmpfs here (needs root)");
        struct Unmount
        {
            QByteArray path;
            ~Unmount() { ::umount2(path.constData(), MNT_DETACH); }
        } unmount{target};
        const QString path = mountPoint + QStringLiteral("/incidents.sqlite");
        prepare(path);
        const QString backup = tmp.path(QStringLiteral("backup.sqlite"));
        CLI_OK(m_cli.run(db(path) << QStringLiteral("backup") << QStringLiteral("-o") << backup));
        QVERIFY(::mount(nullptr, target.constData(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0);
        const QByteArray before = TempDatabase::fingerprint(path);

        // Reading works.
        const CliRun listed = m_cli.run(db(path) << QStringLiteral("incident") << QStringLiteral("list"));
        CLI_OK(listed);
        QVERIFY(listed.out.contains("A"));
        CLI_OK(m_cli.run(db(path) << QStringLiteral("check")));
        // Writing and restoring say why they cannot.
        const CliRun logged = logLine(path);
        CLI_FAILS(logged, ExitCannotWrite, "read-only");
        const CliRun restored = m_cli.run(db(path) << QStringLiteral("restore") << backup);
        CLI_FAILS(restored, ExitCannotWrite, "read-only");
        QVERIFY2(restored.err.contains("read-only") && !restored.err.contains("open in"),
                 qPrintable(restored.describe()));
        QCOMPARE(TempDatabase::fingerprint(path), before);
    }

    void importsAreCapped()
    {
        TempDatabase tmp;
        prepare(tmp.path());
        const CliRun people = m_cli.run(db(tmp.path()) << QStringLiteral("people") << QStringLiteral("import")
                                                       << QStringLiteral("/dev/zero"));
        CLI_FAILS_SILENTLY(people, ExitDataError, "invalid");
        QVERIFY2(people.err.contains("larger than 64 MiB"), qPrintable(people.describe()));
        const CliRun incident = m_cli.run(db(tmp.path()) << QStringLiteral("import") << QStringLiteral("/dev/zero"));
        CLI_FAILS_SILENTLY(incident, ExitDataError, "invalid");
    }
};

QTEST_GUILESS_MAIN(TstClearMessages)
#include "tst_clearmessages.moc"
