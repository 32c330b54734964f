// The GUI's lock file: a lock naming no live holder is stale and taken over (and said so); a
// live one is respected; the file is private whatever the umask; when none can be made the
// reason is given (a full disk, a read-only folder).
#include "db/databaselock.h"
#include "db/privatefile.h"
#include "tempdatabase.h"

#include <QDir>
#include <QFile>
#include <QSysInfo>
#include <QtTest>

#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace cp;

class TstDatabaseLock : public QObject
{
    Q_OBJECT

    // Written a while ago: a lock being written this instant is empty too and is not touched.
    static void age(const QString &path)
    {
        const time_t past = QDateTime::currentDateTime().addSecs(-60).toSecsSinceEpoch();
        struct timeval times[2] = {{past, 0}, {past, 0}};
        QVERIFY(::utimes(QFile::encodeName(path).constData(), times) == 0);
    }

private slots:
    void unreadableLocksAreTakenOver_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\x01\x02 not a lock \xff\n", 17);
        QTest::newRow("half a lock") << QByteArray("4242\n");
    }
    void unreadableLocksAreTakenOver()
    {
        QFETCH(QByteArray, content);
        test::TempDatabase tmp;
        const QString lockPath = DatabaseLock::lockPathFor(tmp.path());
        QVERIFY(tmp.writeBytes(lockPath, content));
        age(lockPath);
        DatabaseLock lock(tmp.path());
        QVERIFY(lock.tryLock());
        QVERIFY2(lock.takeOverNotice().contains(QStringLiteral("Took over")), qPrintable(lock.takeOverNotice()));
        DatabaseLock second(tmp.path());
        QVERIFY(!second.tryLock()); // now held for real
    }

    void aLockBeingWrittenIsNotTakenOver()
    {
        test::TempDatabase tmp;
        QVERIFY(tmp.writeBytes(DatabaseLock::lockPathFor(tmp.path()), QByteArray()));
        DatabaseLock lock(tmp.path());
        QVERIFY(!lock.tryLock());
    }

    void emptyFolderIsTakenOverFullOneExplained()
    {
        test::TempDatabase tmp;
        const QString lockPath = DatabaseLock::lockPathFor(tmp.path());
        QVERIFY(QDir().mkdir(lockPath));
        age(lockPath);
        {
            DatabaseLock lock(tmp.path());
            QVERIFY(lock.tryLock());
            QVERIFY(lock.takeOverNotice().contains(QStringLiteral("folder")));
        }
        QVERIFY(QDir().mkdir(lockPath));
        QVERIFY(tmp.writeBytes(lockPath + QStringLiteral("/something"), "x"));
        age(lockPath);
        DatabaseLock lock(tmp.path());
        QVERIFY(!lock.tryLock());
        QVERIFY2(lock.holderDescription().contains(QStringLiteral("folder")), qPrintable(lock.holderDescription()));
    }

    void deadHoldersLockIsTakenOverAndSaid()
    {
        test::TempDatabase tmp;
        // A process that has exited: a child that ran 'true'.
        const pid_t child = ::fork();
        if (child == 0)
            ::_exit(0);
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY(tmp.writeBytes(DatabaseLock::lockPathFor(tmp.path()), QByteArray::number(child) + "\ncommandpost\n" +
                                                                          QSysInfo::machineHostName().toUtf8() + "\n"));
        DatabaseLock lock(tmp.path());
        QVERIFY(lock.tryLock());
        QVERIFY2(lock.takeOverNotice().contains(QString::number(child)), qPrintable(lock.takeOverNotice()));
    }

    void liveLockIsRespectedAndPrivate()
    {
        test::TempDatabase tmp;
        const mode_t previous = ::umask(0);
        DatabaseLock first(tmp.path());
        const bool locked = first.tryLock();
        ::umask(previous);
        QVERIFY(locked);
        QVERIFY(first.takeOverNotice().isEmpty());
        QCOMPARE(PrivateFile::modeOf(DatabaseLock::lockPathFor(tmp.path())), 0600);
        DatabaseLock second(tmp.path());
        QVERIFY(!second.tryLock());
        QVERIFY(second.holderDescription().contains(QString::number(QCoreApplication::applicationPid())));
    }

    void whyNoLockCouldBeMade()
    {
        if (::geteuid() == 0)
            QSKIP("root writes into a read-only folder; tst_smallwrites covers a full and a read-only disk");
        test::TempDatabase tmp;
        const QString folder = tmp.path(QStringLiteral("closed"));
        QVERIFY(QDir().mkdir(folder));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        DatabaseLock lock(folder + QStringLiteral("/incidents.sqlite"));
        QVERIFY(!lock.tryLock());
        QVERIFY2(lock.creationProblem().contains(QStringLiteral("read-only")), qPrintable(lock.creationProblem()));
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
};

QTEST_GUILESS_MAIN(TstDatabaseLock)
#include "tst_databaselock.moc"
