// Small files written whole or not at all: exports (md, csv, json), the window's draft line and
// its session marker. On a full disk (a real 1 MB tmpfs, as root) or past a file-size limit
// (RLIMIT_FSIZE) each write says the disk is full, leaves the earlier good file as it was and no
// temporary file behind; no output path is written through a symbolic link; a window started on
// a full disk says so.
#include "clirunner.h"
#include "db/draftstore.h"
#include "db/privatefile.h"
#include "db/sessionmarker.h"
#include "tempdatabase.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace cp;
using namespace cp::test;

class TstSmallWrites : public QObject
{
    Q_OBJECT

    CliRunner m_cli;

    // A 1 MB tmpfs at 'folder', unmounted when the guard goes; empty when this is not root.
    struct SmallDisk
    {
        QByteArray path;
        bool mounted = false;
        explicit SmallDisk(const QString &folder) : path(QFile::encodeName(folder))
        {
            QDir().mkpath(folder);
            mounted = ::mount("tmpfs", path.constData(), "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0700") == 0;
        }
        ~SmallDisk()
        {
            if (mounted)
                ::umount2(path.constData(), MNT_DETACH);
        }
        Q_DISABLE_COPY_MOVE(SmallDisk)
    };
    static void fill(const QString &folder)
    {
        QFile filler(QDir(folder).filePath(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'f');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
        filler.close();
        QFile small(QDir(folder).filePath(QStringLiteral("filler-tail")));
        if (small.open(QIODevice::WriteOnly)) {
            while (small.write("f", 1) == 1 && small.flush()) {
            }
        }
    }
    static QStringList temporaries(const QString &folder)
    {
        return QDir(folder).entryList({QStringLiteral(".*.tmp")}, QDir::Files | QDir::Hidden);
    }

    QStringList db(const QString &path) const { return {QStringLiteral("--db"), path}; }
    void prepare(const QString &path, int lines)
    {
        CLI_OK(m_cli.run(db(path) << QStringLiteral("init")));
        CLI_OK(m_cli.run(db(path) << QStringLiteral("incident") << QStringLiteral("new") << QStringLiteral("--title")
                                  << QStringLiteral("Disk") << QStringLiteral("--severity")
                                  << QStringLiteral("SEV-2")));
        QByteArray input;
        for (int i = 0; i < lines; ++i)
            input += "line " + QByteArray::number(i) + ' ' + QByteArray(200, 'z') + '\n';
        CLI_OK(m_cli.run(db(path) << QStringLiteral("log") << QStringLiteral("--incident") << QStringLiteral("1")
                                  << QStringLiteral("--stdin"),
                         input));
    }
    CliRun exportTo(const QString &path, const QString &format, const QString &out, bool fileSizeLimit = false) const
    {
        const QStringList arguments = db(path)
                                      << QStringLiteral("export") << QStringLiteral("--incident") << QStringLiteral("1")
                                      << QStringLiteral("--format") << format << QStringLiteral("-o") << out;
        if (!fileSizeLimit)
            return m_cli.run(arguments);
        QProcess process;
        process.setProcessEnvironment(m_cli.environment());
        process.setChildProcessModifier([]() {
            std::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails with EFBIG instead of killing
            struct rlimit limit;
            // Above the reader's 32 KiB -shm, below the export.
            limit.rlim_cur = limit.rlim_max = 40 * 1024;
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
        process.start(m_cli.executable(), arguments);
        CliRun run;
        run.finished = process.waitForFinished(CliTimeoutMs) && process.exitStatus() == QProcess::NormalExit;
        run.exitCode = process.exitCode();
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

private slots:
    void exportsOnAFullDiskKeepTheEarlierFile_data()
    {
        QTest::addColumn<QString>("format");
        for (const char *format : {"md", "csv", "json"})
            QTest::newRow(format) << QString::fromLatin1(format);
    }
    void exportsOnAFullDiskKeepTheEarlierFile()
    {
        QFETCH(QString, format);
        TempDatabase tmp;
        const QString path = tmp.path();
        prepare(path, 40);
        SmallDisk disk(tmp.path(QStringLiteral("small")));
        if (!disk.mounted)
            QSKIP("cannot mount a 1 MB tmpfs here (needs root); the RLIMIT_FSIZE case still runs");
        const QString out = tmp.path(QStringLiteral("small/export.") + format);
        CLI_OK(exportTo(path, format, out));
        const QByteArray good = TempDatabase::fingerprint(out);
        QVERIFY(QFileInfo(out).size() > 1000);
        fill(tmp.path(QStringLiteral("small")));
        CLI_FAILS_SILENTLY(exportTo(path, format, out), ExitIo, "disk-full");
        QCOMPARE(TempDatabase::fingerprint(out), good);
        QCOMPARE(temporaries(tmp.path(QStringLiteral("small"))), QStringList());
    }

    void exportsPastAFileSizeLimitKeepTheEarlierFile()
    {
        TempDatabase tmp;
        const QString path = tmp.path();
        prepare(path, 300);
        const QString out = tmp.path(QStringLiteral("export.md"));
        QVERIFY(tmp.writeBytes(out, "an earlier export\n"));
        const QByteArray good = TempDatabase::fingerprint(out);
        const CliRun refused = exportTo(path, QStringLiteral("md"), out, true);
        CP_CLI_VERIFY_FAILED(refused, ExitIo, "disk-full");
        QCOMPARE(TempDatabase::fingerprint(out), good);
        QCOMPARE(temporaries(tmp.dir()), QStringList());
    }

    // The draft line and the session marker keep their last good content on a full disk.
    void draftAndMarkerOnAFullDisk()
    {
        TempDatabase tmp;
        SmallDisk disk(tmp.path(QStringLiteral("small")));
        if (!disk.mounted)
            QSKIP("cannot mount a 1 MB tmpfs here (needs root)");
        const QString database = tmp.path(QStringLiteral("small/incidents.sqlite"));
        DraftStore drafts(database);
        QVERIFY(drafts.save({1, QStringLiteral("half-typed line"), QDateTime::currentDateTimeUtc()}).ok());
        SessionMarker marker(database);
        const QDateTime started = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
        QVERIFY(marker.begin(started, 1).ok());
        fill(tmp.path(QStringLiteral("small")));

        const StoreError draftError =
            drafts.save({1, QStringLiteral("half-typed line, longer now ") + QString(3000, u'x'), started});
        QCOMPARE(StoreError::codeName(draftError.code()), QStringLiteral("disk-full"));
        QVERIFY2(draftError.message().contains(QStringLiteral("disk is full")), qPrintable(draftError.message()));
        QCOMPARE(drafts.load()->text, QStringLiteral("half-typed line"));
        // The heartbeat fits where the marker was: still written, so a crash is still noticed.
        QVERIFY(marker.heartbeat(started.addSecs(60), 1).ok());
        QCOMPARE(SessionMarker(database).read()->aliveAtUtc, started.addSecs(60));
        QVERIFY(!SessionMarker(database).read()->clean);
        QCOMPARE(temporaries(tmp.path(QStringLiteral("small"))), QStringList());
    }

    void noWritingThroughSymbolicLinks()
    {
        TempDatabase tmp;
        const QString path = tmp.path();
        prepare(path, 2);
        const QString victim = tmp.path(QStringLiteral("victim.txt"));
        QVERIFY(tmp.writeBytes(victim, "someone else's file\n"));
        QVERIFY(
            QFile::setPermissions(victim, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        const QByteArray before = TempDatabase::fingerprint(victim);
        const QString link = tmp.path(QStringLiteral("link.md"));
        QVERIFY(QFile::link(victim, link));
        const QString dangling = tmp.path(QStringLiteral("dangling.sqlite"));
        QVERIFY(QFile::link(tmp.path(QStringLiteral("elsewhere/target.sqlite")), dangling));

        for (const QString &format : {QStringLiteral("md"), QStringLiteral("csv"), QStringLiteral("json")})
            CLI_FAILS_SILENTLY(exportTo(path, format, link), ExitDataError, "invalid");
        CLI_FAILS(m_cli.run(db(path) << QStringLiteral("backup") << QStringLiteral("-o") << link), ExitDataError,
                  "invalid");
        CLI_FAILS(m_cli.run(db(path) << QStringLiteral("backup") << QStringLiteral("-o") << dangling), ExitDataError,
                  "invalid");
        CLI_FAILS(m_cli.run(db(path) << QStringLiteral("recover") << QStringLiteral("-o") << dangling), ExitDataError,
                  "invalid");
        // init through a dangling link would create the database somewhere else.
        CLI_FAILS(m_cli.run(db(dangling) << QStringLiteral("init")), ExitDataError, "invalid");
        QCOMPARE(TempDatabase::fingerprint(victim), before);
        QVERIFY(!QFileInfo::exists(tmp.path(QStringLiteral("elsewhere"))));
        QVERIFY(QFileInfo(link).isSymLink());
        QVERIFY(QFileInfo(dangling).isSymLink());
    }

    void windowOnAFullDiskSaysSo()
    {
        TempDatabase tmp;
        SmallDisk disk(tmp.path(QStringLiteral("small")));
        if (!disk.mounted)
            QSKIP("cannot mount a 1 MB tmpfs here (needs root)");
        const QString database = tmp.path(QStringLiteral("small/incidents.sqlite"));
        CLI_OK(m_cli.run(db(database) << QStringLiteral("init")));
        fill(tmp.path(QStringLiteral("small")));
        QProcess window;
        QProcessEnvironment env = m_cli.environment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        window.setProcessEnvironment(env);
        window.start(TempDatabase::executable(QStringLiteral("commandpost")), db(database));
        QVERIFY(window.waitForFinished(CliTimeoutMs));
        const QString err = QString::fromLocal8Bit(window.readAllStandardError());
        QCOMPARE(window.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("disk is full")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TstSmallWrites)
#include "tst_smallwrites.moc"
