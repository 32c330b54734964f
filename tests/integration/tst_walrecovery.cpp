// The reproduction through the programs themselves: a -wal of another database beside
// ours. Every command, the window and the shadow view refuse with a message that says what to do,
// leave the database and the -wal byte for byte as they were, and leave no -shm behind;
// 'recover' saves the database into a new file; moving the -wal aside opens it again.
#include "clirunner.h"
#include "db/privatefile.h"
#include "tempdatabase.h"
#include "walfixture.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace cp;
using namespace cp::test;

class TstWalRecovery : public QObject
{
    Q_OBJECT

    CliRunner m_cli;
    QString m_gui;

    QStringList db(const TempDatabase &tmp) const { return {QStringLiteral("--db"), tmp.path()}; }

    // 300 entries in incident 1, closed cleanly, with a stranger's -wal put beside it.
    void prepare(const TempDatabase &tmp)
    {
        CLI_OK(m_cli.run(db(tmp) << QStringLiteral("init")));
        CLI_OK(m_cli.run(db(tmp) << QStringLiteral("incident") << QStringLiteral("new") << QStringLiteral("--title")
                                 << QStringLiteral("A") << QStringLiteral("--severity") << QStringLiteral("SEV-2")));
        QByteArray lines;
        for (int i = 1; i <= 300; ++i)
            lines += QByteArray::number(i) + '\n';
        CLI_OK(m_cli.run(db(tmp) << QStringLiteral("log") << QStringLiteral("--incident") << QStringLiteral("1")
                                 << QStringLiteral("--stdin"),
                         lines));
        const QByteArray wal = foreignWal(tmp.dir());
        QVERIFY(!wal.isEmpty());
        QVERIFY(tmp.writeBytes(tmp.path() + QStringLiteral("-wal"), wal));
    }

    struct Files
    {
        QByteArray main;
        QByteArray wal;
        QStringList names;
        bool operator==(const Files &other) const
        {
            return main == other.main && wal == other.wal && names == other.names;
        }
    };
    static Files files(const TempDatabase &tmp)
    {
        return {TempDatabase::fingerprint(tmp.path()), TempDatabase::fingerprint(tmp.path() + QStringLiteral("-wal")),
                tmp.files()};
    }

    struct GuiRun
    {
        int exitCode = -1;
        QString err;
    };
    GuiRun runGui(const QStringList &arguments) const
    {
        QProcess process;
        QProcessEnvironment env = m_cli.environment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        process.start(m_gui, arguments);
        GuiRun result;
        if (!process.waitForFinished(CliTimeoutMs)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitCode();
        result.err = QString::fromLocal8Bit(process.readAllStandardError());
        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!m_cli.executable().isEmpty(), "commandpost-cli was not built beside the tests");
        m_gui = TempDatabase::executable(QStringLiteral("commandpost"));
        QVERIFY2(!m_gui.isEmpty(), "commandpost was not built beside the tests");
    }

    void everyCommandRefusesAndTouchesNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("log") << QStringList{QStringLiteral("log"), QStringLiteral("--incident"), QStringLiteral("1"),
                                            QStringLiteral("x")};
        QTest::newRow("incident list") << QStringList{QStringLiteral("incident"), QStringLiteral("list")};
        QTest::newRow("timeline") << QStringList{QStringLiteral("timeline"), QStringLiteral("--incident"),
                                                 QStringLiteral("1")};
        QTest::newRow("check") << QStringList{QStringLiteral("check")};
        QTest::newRow("init") << QStringList{QStringLiteral("init")};
        QTest::newRow("backup") << QStringList{QStringLiteral("backup")};
    }
    void everyCommandRefusesAndTouchesNothing()
    {
        QFETCH(QStringList, arguments);
        TempDatabase tmp;
        prepare(tmp);
        const Files before = files(tmp);
        const CliRun refused = m_cli.run(db(tmp) + arguments);
        CLI_FAILS_SILENTLY(refused, ExitBadDatabase, "foreign");
        QVERIFY2(refused.err.contains("does not belong to"), qPrintable(refused.describe()));
        QVERIFY2(refused.err.contains("recover"), qPrintable(refused.describe()));
        QVERIFY(files(tmp) == before);
    }

    void restoreRefusesOntoAndFromIt()
    {
        TempDatabase tmp;
        prepare(tmp);
        TempDatabase other;
        CLI_OK(m_cli.run({QStringLiteral("--db"), other.path(), QStringLiteral("init")}));
        const Files before = files(tmp);
        CLI_FAILS(m_cli.run(db(tmp) << QStringLiteral("restore") << other.path()), ExitBadDatabase, "foreign");
        QVERIFY(files(tmp) == before);
        const QByteArray otherBefore = TempDatabase::fingerprint(other.path());
        CLI_FAILS(m_cli.run({QStringLiteral("--db"), other.path(), QStringLiteral("restore"), tmp.path()}),
                  ExitBadDatabase, "foreign");
        QCOMPARE(TempDatabase::fingerprint(other.path()), otherBefore);
        QVERIFY(files(tmp) == before);
    }

    void windowAndShadowViewRefuse()
    {
        TempDatabase tmp;
        prepare(tmp);
        const Files before = files(tmp);
        const GuiRun window = runGui(db(tmp));
        QCOMPARE(window.exitCode, 1);
        QVERIFY2(window.err.contains(QStringLiteral("does not belong to")), qPrintable(window.err));
        QVERIFY(files(tmp) == before); // the lock file went with the process
        const GuiRun follower = runGui(db(tmp) << QStringLiteral("--follow"));
        QCOMPARE(follower.exitCode, 1);
        QVERIFY2(follower.err.contains(QStringLiteral("does not belong to")), qPrintable(follower.err));
        QVERIFY(files(tmp) == before);
    }

    void recoverSavesTheDatabaseIntoANewFile()
    {
        TempDatabase tmp;
        prepare(tmp);
        const Files before = files(tmp);
        const QString saved = tmp.path(QStringLiteral("saved.sqlite"));
        const CliRun recovered = m_cli.run(db(tmp) << QStringLiteral("recover") << QStringLiteral("-o") << saved);
        CLI_OK(recovered);
        QVERIFY2(recovered.out.contains("from\tdatabase only\n"), qPrintable(recovered.describe()));
        QVERIFY2(recovered.out.contains("wal-left-out\t"), qPrintable(recovered.describe()));
        QVERIFY2(recovered.out.contains("entries\t302\n"), qPrintable(recovered.describe()));
        QCOMPARE(TempDatabase::fingerprint(tmp.path()), before.main);
        QCOMPARE(TempDatabase::fingerprint(tmp.path() + QStringLiteral("-wal")), before.wal);
        QCOMPARE(PrivateFile::modeOf(saved), 0600);
        CLI_OK(m_cli.run({QStringLiteral("--db"), saved, QStringLiteral("check")}));
        // Refused: an existing file, and the database itself.
        CLI_FAILS(m_cli.run(db(tmp) << QStringLiteral("recover") << QStringLiteral("-o") << saved), ExitDataError,
                  "invalid");
        CLI_FAILS(m_cli.run(db(tmp) << QStringLiteral("recover")), ExitUsage, "usage");

        // What the message says: move the -wal aside, and the database opens as it was.
        QVERIFY(QFile::rename(tmp.path() + QStringLiteral("-wal"), tmp.path(QStringLiteral("moved-aside"))));
        const CliRun logged = m_cli.run(db(tmp) << QStringLiteral("log") << QStringLiteral("--incident")
                                                << QStringLiteral("1") << QStringLiteral("after"));
        CLI_OK(logged);
    }

    void recoverKeepsAGenuineWal()
    {
        TempDatabase tmp;
        CLI_OK(m_cli.run(db(tmp) << QStringLiteral("init")));
        CLI_OK(m_cli.run(db(tmp) << QStringLiteral("incident") << QStringLiteral("new") << QStringLiteral("--title")
                                 << QStringLiteral("A") << QStringLiteral("--severity") << QStringLiteral("SEV-2")));
        const QString saved = tmp.path(QStringLiteral("saved.sqlite"));
        const CliRun recovered = m_cli.run(db(tmp) << QStringLiteral("recover") << QStringLiteral("-o") << saved);
        CLI_OK(recovered);
        QVERIFY2(recovered.out.contains("from\tdatabase only\n"), qPrintable(recovered.describe())); // no -wal
        QVERIFY2(recovered.out.contains("incidents\t1\n"), qPrintable(recovered.describe()));
    }

    // Reading leaves the folder as it was: no -wal, no -shm.
    void readOnlyCommandsLeaveNoCompanions()
    {
        TempDatabase tmp;
        CLI_OK(m_cli.run(db(tmp) << QStringLiteral("init")));
        CLI_OK(m_cli.run(db(tmp) << QStringLiteral("incident") << QStringLiteral("new") << QStringLiteral("--title")
                                 << QStringLiteral("A") << QStringLiteral("--severity") << QStringLiteral("SEV-2")));
        const QStringList before = tmp.files();
        const QByteArray main = TempDatabase::fingerprint(tmp.path());
        CLI_OK(m_cli.run(db(tmp) << QStringLiteral("incident") << QStringLiteral("list")));
        CLI_OK(m_cli.run(db(tmp) << QStringLiteral("timeline") << QStringLiteral("--incident") << QStringLiteral("1")));
        CLI_OK(m_cli.run(db(tmp) << QStringLiteral("check")));
        QCOMPARE(tmp.files(), before);
        QCOMPARE(TempDatabase::fingerprint(tmp.path()), main);
    }
};

QTEST_GUILESS_MAIN(TstWalRecovery)
#include "tst_walrecovery.moc"
