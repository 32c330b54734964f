// Full disks and write errors, three ways: SQLite's own page limit on the store's connection
// (always), a real 1 MB tmpfs filled to the last byte (needs root; skipped with the reason
// otherwise), and a file-size limit (RLIMIT_FSIZE) on the CLI. Each time: a clear message that
// names a full disk, nothing half-written, the file intact, and the same write succeeding once
// space returns.
#include "clirunner.h"
#include "db/incidentstore.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <sys/mount.h>
#include <sys/resource.h>

using namespace cp;
using Code = StoreError::Code;

class TstDiskFull : public QObject
{
    Q_OBJECT

private:
    static NewEntry bigEntry(qint64 incidentId, int n)
    {
        return NewEntry{incidentId, EntryKind::Note, QStringLiteral("bo"),
                        QStringLiteral("entry %1 ").arg(n) + QString(20000, QLatin1Char('x'))};
    }
    static void expectFullDiskMessage(const StoreError &error)
    {
        QVERIFY2(error.code() == Code::DiskFull || error.code() == Code::Io, qPrintable(error.message()));
        QVERIFY2(error.message().contains(QStringLiteral("disk is full")) ||
                     error.message().contains(QStringLiteral("disk may be full")),
                 qPrintable(error.message()));
        QVERIFY2(error.message().contains(QStringLiteral("nothing was saved")), qPrintable(error.message()));
    }

    test::CliRunner m_cli;

private slots:
    void pageLimitReportsFullDiskAndRetrySucceeds()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        IncidentStore store(clock);
        QVERIFY(store.session().open(tmp.path()).ok());
        auto id = store.incidents().create({QStringLiteral("Disk"), {}, Severity::Sev2}, QStringLiteral("ana"));
        QVERIFY(id.ok());
        const qint64 entriesBefore = store.session().stats()->entries;

        QVERIFY(store.session().limitPagesForTesting(1).ok()); // no page beyond the ones in use
        auto refused = store.timeline().append(bigEntry(*id, 1));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), Code::DiskFull);
        expectFullDiskMessage(refused.error());
        QCOMPARE(store.session().stats()->entries, entriesBefore); // nothing half-written
        // A bulk append is all or nothing under a full disk too.
        QVERIFY(!store.timeline().appendAll({bigEntry(*id, 2), bigEntry(*id, 3)}).ok());
        QCOMPARE(store.session().stats()->entries, entriesBefore);
        QVERIFY(store.session().integrityProblems()->isEmpty());

        QVERIFY(store.session().limitPagesForTesting(0).ok()); // space returns
        auto retried = store.timeline().append(bigEntry(*id, 1));
        QVERIFY2(retried.ok(), qPrintable(retried.error().message()));
        QCOMPARE(store.session().stats()->entries, entriesBefore + 1);
    }

    void realFullFilesystem()
    {
        test::TempDatabase tmp;
        const QString mountPoint = tmp.path(QStringLiteral("small"));
        QVERIFY(QDir().mkpath(mountPoint));
        if (::mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                    "size=1m,mode=0700") != 0)
            QSKIP("cannot mount a 1 MB tmpfs here (needs root or CAP_SYS_ADMIN); the page-limit and "
                  "RLIMIT_FSIZE cases still run");
        struct Unmount
        {
            QByteArray path;
            ~Unmount() { ::umount2(path.constData(), MNT_DETACH); }
        } unmount{QFile::encodeName(mountPoint)};

        const QString path = mountPoint + QStringLiteral("/incidents.sqlite");
        test::FakeClock clock;
        IncidentStore store(clock);
        QVERIFY(store.session().open(path).ok());
        auto id = store.incidents().create({QStringLiteral("Disk"), {}, Severity::Sev2}, QStringLiteral("ana"));
        QVERIFY(id.ok());
        QVERIFY(store.timeline().append(bigEntry(*id, 0)).ok());
        // Fill every remaining byte.
        const QString fillerPath = mountPoint + QStringLiteral("/filler");
        {
            QFile filler(fillerPath);
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const QByteArray block(4096, 'f');
            while (filler.write(block) == block.size() && filler.flush()) {
            }
        }
        const qint64 entriesBefore = store.session().stats()->entries;
        StoreError error;
        for (int n = 1; n < 50 && error.ok(); ++n) {
            auto appended = store.timeline().append(bigEntry(*id, n));
            if (!appended)
                error = appended.error();
        }
        QVERIFY2(!error.ok(), "writing to a full file system did not fail");
        expectFullDiskMessage(error);
        const qint64 entriesAtFailure = store.session().stats()->entries;
        QVERIFY(entriesAtFailure >= entriesBefore);

        QVERIFY(QFile::remove(fillerPath)); // space returns
        auto retried = store.timeline().append(bigEntry(*id, 99));
        QVERIFY2(retried.ok(), qPrintable(retried.error().message()));
        QCOMPARE(store.session().stats()->entries, entriesAtFailure + 1);
        QVERIFY(store.session().integrityProblems()->isEmpty());
        store.session().close();
        IncidentStore reopened(clock);
        QVERIFY(reopened.session().open(path).ok());
        QCOMPARE(reopened.session().stats()->entries, entriesAtFailure + 1);
    }

    void fileSizeLimitOnTheCli()
    {
        QVERIFY(!m_cli.executable().isEmpty());
        test::TempDatabase tmp;
        const QString path = tmp.path();
        CLI_OK(m_cli.run({QStringLiteral("--db"), path, QStringLiteral("init")}));
        CLI_OK(m_cli.run({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("new"),
                          QStringLiteral("--title"), QStringLiteral("Disk"), QStringLiteral("--severity"),
                          QStringLiteral("SEV-2")}));

        // An entry just under the longest one allowed: its pages alone need more than the 64 KiB the
        // process may write.
        const QByteArray longLine = QByteArray(63 * 1024, 'y') + '\n';
        // The CLI runs with RLIMIT_FSIZE at the size the files have now: any growth fails.
        QProcess process;
        process.setProcessEnvironment(m_cli.environment());
        process.setChildProcessModifier([]() {
            std::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails with EFBIG instead of killing
            struct rlimit limit;
            limit.rlim_cur = limit.rlim_max = 64 * 1024;
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
        process.start(m_cli.executable(),
                      {QStringLiteral("--db"), path, QStringLiteral("log"), QStringLiteral("--incident"),
                       QStringLiteral("1"), QStringLiteral("--stdin")});
        process.write(longLine);
        process.closeWriteChannel();
        QVERIFY2(process.waitForFinished(test::CliTimeoutMs), qPrintable(process.errorString()));
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == test::ExitIo, err.constData());
        QVERIFY2(process.readAllStandardOutput().isEmpty(), "an id was printed for an entry that was not saved");
        QVERIFY2(err.contains("full"), err.constData());
        QCOMPARE(err.count('\n'), 1);

        // Nothing was committed; the file is intact; without the limit the same line is saved.
        const test::CliRun check = m_cli.run({QStringLiteral("--db"), path, QStringLiteral("check")});
        CLI_OK(check);
        QVERIFY(check.out.contains("entries\t2\n") || check.out.contains("entries\t1\n"));
        const test::CliRun entriesBefore = m_cli.run({QStringLiteral("--db"), path, QStringLiteral("timeline"),
                                                      QStringLiteral("--incident"), QStringLiteral("1")});
        QVERIFY(!entriesBefore.out.contains("yyyyyyyyyy"));
        const test::CliRun retried =
            m_cli.run({QStringLiteral("--db"), path, QStringLiteral("log"), QStringLiteral("--incident"),
                       QStringLiteral("1"), QStringLiteral("--stdin")},
                      longLine);
        CLI_OK(retried);
        QCOMPARE(retried.outLines().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TstDiskFull)
#include "tst_diskfull.moc"
