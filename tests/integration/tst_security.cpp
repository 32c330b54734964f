// Security properties that hold for the built programs: nothing links Qt's network module or
// opens a socket; files with incident data (the database, backups, exports) are created 0600;
// the CLI's backup and restore refuse what they must.
#include "clirunner.h"
#include "db/databaselock.h"
#include "db/privatefile.h"
#include "tempdatabase.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace cp;

class TstSecurity : public QObject
{
    Q_OBJECT

private:
    test::CliRunner m_cli;

    static QStringList neededLibraries(const QString &binary)
    {
        QProcess readelf;
        readelf.start(QStringLiteral("readelf"), {QStringLiteral("-d"), binary});
        if (!readelf.waitForFinished(30000) || readelf.exitCode() != 0)
            return {};
        QStringList out;
        const QRegularExpression needed(QStringLiteral("\\(NEEDED\\).*\\[(.+)\\]"));
        for (const QString &line : QString::fromUtf8(readelf.readAllStandardOutput()).split(QLatin1Char('\n'))) {
            const auto match = needed.match(line);
            if (match.hasMatch())
                out << match.captured(1);
        }
        return out;
    }

    QString init(const test::TempDatabase &tmp)
    {
        const QString path = tmp.path();
        const test::CliRun created = m_cli.run({QStringLiteral("--db"), path, QStringLiteral("init")});
        if (created.exitCode != 0)
            return {};
        m_cli.run({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("new"),
                   QStringLiteral("--title"), QStringLiteral("Secret"), QStringLiteral("--severity"),
                   QStringLiteral("SEV-2")});
        return path;
    }

private slots:
    void noNetworkModuleLinked()
    {
        QProcess probe;
        probe.start(QStringLiteral("readelf"), {QStringLiteral("--version")});
        if (!probe.waitForFinished(30000) || probe.exitCode() != 0)
            QSKIP("readelf (binutils) is not installed");
        for (const QString &name : {QStringLiteral("commandpost-cli"), QStringLiteral("commandpost")}) {
            const QString binary = test::TempDatabase::executable(name);
            if (binary.isEmpty())
                continue; // the GUI is not built in every configuration
            const QStringList needed = neededLibraries(binary);
            QVERIFY2(!needed.isEmpty(), qPrintable(binary));
            for (const QString &library : needed)
                QVERIFY2(!library.contains(QStringLiteral("Network")), qPrintable(name + QStringLiteral(": ") + library));
        }
    }

    void noSocketsInTheSources()
    {
        const QString root = QFINDTESTDATA("../../core");
        QVERIFY(!root.isEmpty());
        const QRegularExpression network(
            QStringLiteral("#include\\s*<Q(Network\\w*|TcpSocket|UdpSocket|SslSocket|LocalSocket|TcpServer|"
                           "HostAddress|HostInfo)>|\\bsocket\\s*\\(|\\bconnect\\s*\\(\\s*sock"));
        int files = 0;
        for (const QString &folder : {QStringLiteral("/../core"), QStringLiteral("/../ui"), QStringLiteral("/../app")}) {
            QDirIterator it(root + folder, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QString text = QString::fromUtf8(file.readAll());
                const auto match = network.match(text);
                QVERIFY2(!match.hasMatch(), qPrintable(path + QStringLiteral(": ") + match.captured(0)));
                ++files;
            }
        }
        QVERIFY(files > 50);
    }

    void filesWithIncidentDataArePrivate()
    {
        test::TempDatabase tmp;
        const QString path = init(tmp);
        QVERIFY(!path.isEmpty());
        QCOMPARE(PrivateFile::modeOf(path), 0600);
        const QString backup = tmp.path(QStringLiteral("b.sqlite"));
        CLI_OK(m_cli.run({QStringLiteral("--db"), path, QStringLiteral("backup"), QStringLiteral("-o"), backup}));
        QCOMPARE(PrivateFile::modeOf(backup), 0600);
        const QString exported = tmp.path(QStringLiteral("incident.json"));
        CLI_OK(m_cli.run({QStringLiteral("--db"), path, QStringLiteral("export"), QStringLiteral("--incident"),
                          QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-o"),
                          exported}));
        QCOMPARE(PrivateFile::modeOf(exported), 0600);
    }

    void backupAndRestoreFromTheCli()
    {
        test::TempDatabase tmp;
        const QString path = init(tmp);
        QVERIFY(!path.isEmpty());
        // Refusals first: nothing changes.
        const QByteArray before = test::TempDatabase::fingerprint(path);
        CLI_FAILS_SILENTLY(m_cli.run({QStringLiteral("--db"), path, QStringLiteral("backup"), QStringLiteral("extra")}),
                           test::ExitUsage, "usage");
        CLI_FAILS_SILENTLY(m_cli.run({QStringLiteral("--db"), path, QStringLiteral("backup"), QStringLiteral("-o"), path}),
                           test::ExitDataError, "invalid");
        CLI_FAILS_SILENTLY(m_cli.run({QStringLiteral("--db"), tmp.path(QStringLiteral("none.sqlite")),
                                      QStringLiteral("backup")}),
                           test::ExitNotFound, "file-missing");
        CLI_FAILS_SILENTLY(m_cli.run({QStringLiteral("--db"), path, QStringLiteral("restore")}), test::ExitUsage,
                           "usage");
        const QString junk = tmp.path(QStringLiteral("junk.sqlite"));
        QVERIFY(tmp.writeBytes(junk, QByteArray(4096, 'j')));
        CLI_FAILS_SILENTLY(m_cli.run({QStringLiteral("--db"), path, QStringLiteral("restore"), junk}),
                           test::ExitBadDatabase, "not-sqlite");
        QCOMPARE(test::TempDatabase::fingerprint(path), before);

        const test::CliRun made = m_cli.run({QStringLiteral("--db"), path, QStringLiteral("backup")});
        CLI_OK(made);
        const QString backup = made.outLines().value(0);
        QVERIFY2(backup.contains(QStringLiteral("incidents-backup-")), qPrintable(backup));
        QVERIFY(made.out.contains("incidents\t1\n"));
        CLI_OK(m_cli.run({QStringLiteral("--db"), path, QStringLiteral("log"), QStringLiteral("--incident"),
                          QStringLiteral("1"), QStringLiteral("after the backup")}));

        // A window holding the database: restore is refused and nothing changes.
        {
            DatabaseLock lock(path);
            QVERIFY(lock.tryLock());
            const QByteArray held = test::TempDatabase::fingerprint(path);
            CLI_FAILS_SILENTLY(m_cli.run({QStringLiteral("--db"), path, QStringLiteral("restore"), backup}),
                               test::ExitBusy, "busy");
            QCOMPARE(test::TempDatabase::fingerprint(path), held);
        }
        const test::CliRun restored = m_cli.run({QStringLiteral("--db"), path, QStringLiteral("restore"), backup});
        CLI_OK(restored);
        QVERIFY(restored.out.contains("safety-copy\t"));
        const test::CliRun timeline = m_cli.run(
            {QStringLiteral("--db"), path, QStringLiteral("timeline"), QStringLiteral("--incident"), QStringLiteral("1")});
        CLI_OK(timeline);
        QVERIFY(!timeline.out.contains("after the backup"));
        CLI_OK(m_cli.run({QStringLiteral("--db"), path, QStringLiteral("check")}));
    }
};

QTEST_GUILESS_MAIN(TstSecurity)
#include "tst_security.moc"
