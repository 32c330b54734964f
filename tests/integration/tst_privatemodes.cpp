// Every file and folder CommandPost creates is its owner's only (0600 / 0700) whatever the umask
// it was started with: the database and its -wal/-shm, the lock file, the draft and session
// files, the settings file and folder (an older, looser one included), trainee notes, exports
// and backups. Both programs run here with umask 000.
#include "clirunner.h"
#include "db/databaselock.h"
#include "db/privatefile.h"
#include "fakeclock.h"
#include "notes/traineenotes.h"
#include "tempdatabase.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QTest>

#include <sys/stat.h>

using namespace cp;
using namespace cp::test;

class TstPrivateModes : public QObject
{
    Q_OBJECT

    CliRunner m_cli;

    // Every file and folder under 'root' that is not private, with its mode.
    static QStringList loose(const QString &root)
    {
        QStringList found;
        QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const int mode = PrivateFile::modeOf(path);
            const int expected = QFileInfo(path).isDir() ? 0700 : 0600;
            if (!QFileInfo(path).isSymLink() && mode != expected)
                found << QStringLiteral("%1 %2").arg(path).arg(mode, 0, 8);
        }
        return found;
    }

    // The child inherits the umask: 000 while it starts.
    CliRun runOpen(const QStringList &arguments, const QByteArray &input = {}) const
    {
        const mode_t previous = ::umask(0);
        CliRun run = m_cli.run(arguments, input);
        ::umask(previous);
        return run;
    }

private slots:
    void theCliUnderUmask000()
    {
        TempDatabase tmp;
        const QString data = tmp.path(QStringLiteral("data"));
        const QString db = data + QStringLiteral("/incidents.sqlite");
        const QStringList at{QStringLiteral("--db"), db};
        CLI_OK(runOpen(at + QStringList{QStringLiteral("init")}));
        CLI_OK(runOpen(at + QStringList{QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                                        QStringLiteral("A"), QStringLiteral("--severity"), QStringLiteral("SEV-2")}));
        CLI_OK(runOpen(at + QStringList{QStringLiteral("log"), QStringLiteral("--incident"), QStringLiteral("1"),
                                        QStringLiteral("--stdin")},
                       "one\ntwo\n"));
        CLI_OK(runOpen(at + QStringList{QStringLiteral("export"), QStringLiteral("--incident"), QStringLiteral("1"),
                                        QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("-o"),
                                        data + QStringLiteral("/export.md")}));
        CLI_OK(runOpen(
            at + QStringList{QStringLiteral("backup"), QStringLiteral("-o"), data + QStringLiteral("/backup.sqlite")}));
        QCOMPARE(loose(data), QStringList());
    }

    void theWindowUnderUmask000()
    {
        TempDatabase tmp;
        const QString data = tmp.path(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(data));
        QVERIFY(QFile::setPermissions(data, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        const QString db = data + QStringLiteral("/incidents.sqlite");
        CLI_OK(m_cli.run({QStringLiteral("--db"), db, QStringLiteral("init")}));
        // An older settings file and folder, open to everyone.
        const QString config = m_cli.homePath(QStringLiteral("config/CommandPost"));
        QVERIFY(QDir().mkpath(config));
        QVERIFY(::chmod(QFile::encodeName(config).constData(), 0777) == 0);
        const QString settings = config + QStringLiteral("/commandpost.conf");
        QFile old(settings);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("[General]\n");
        old.close();
        QVERIFY(::chmod(QFile::encodeName(settings).constData(), 0666) == 0);

        QProcess window;
        QProcessEnvironment env = m_cli.environment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        window.setProcessEnvironment(env);
        const mode_t previous = ::umask(0);
        window.start(TempDatabase::executable(QStringLiteral("commandpost")), {QStringLiteral("--db"), db});
        ::umask(previous);
        // The session file is written once the window is up; by then everything else exists.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(db + QStringLiteral(".session")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(PrivateFile::modeOf(settings), 0600, 10000);
        const QStringList found = loose(data) + loose(config);
        window.kill();
        window.waitForFinished(5000);
        QCOMPARE(found, QStringList());
        QCOMPARE(PrivateFile::modeOf(config), 0700);
    }

    // In this process: the trainee's notes file, its -wal and -shm, and an older 0644 one.
    void traineeNotesUnderUmask000()
    {
        TempDatabase tmp;
        const QString folder = tmp.path(QStringLiteral("notes"));
        const mode_t previous = ::umask(0);
        {
            FakeClock clock;
            TraineeNotes notes(clock);
            QVERIFY(notes.open(folder + QStringLiteral("/trainee-notes.sqlite")).ok());
            TraineeNote note;
            note.databaseKey = tmp.path();
            note.incidentId = 1;
            note.momentUtc = clock.nowUtc();
            note.text = QStringLiteral("why did they page twice?");
            QVERIFY(notes.add(note).ok());
            QVERIFY(QFileInfo::exists(folder + QStringLiteral("/trainee-notes.sqlite-wal")));
            QCOMPARE(loose(folder), QStringList());
        }
        ::umask(previous);
        QVERIFY(::chmod(QFile::encodeName(folder + QStringLiteral("/trainee-notes.sqlite")).constData(), 0644) == 0);
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
        FakeClock clock;
        TraineeNotes again(clock);
        QVERIFY(again.open(folder + QStringLiteral("/trainee-notes.sqlite")).ok());
        QCOMPARE(loose(folder), QStringList());
    }
};

QTEST_GUILESS_MAIN(TstPrivateModes)
#include "tst_privatemodes.moc"
