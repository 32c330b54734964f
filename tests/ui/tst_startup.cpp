// The commandpost executable's start: refusals exit with a clear message and touch nothing.

#include "db/databaselock.h"
#include "tempdatabase.h"

#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace cp;
using namespace cp::test;

class TstStartup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void versionAndHelp();
    void versionAndHelpNeedNoDisplay();
    void secondWindowOnALockedDatabaseExitsWith2();
    void foreignFileIsRefusedAndLeftUntouched();
    void emptyFileIsRefusedAndLeftUntouched();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // Without an environment argument the window runs on the offscreen platform.
    Run run(const QStringList &arguments) const;
    Run run(const QStringList &arguments, const QProcessEnvironment &env) const;
    QString m_exe;
};

void TstStartup::initTestCase()
{
    m_exe = TempDatabase::executable(QStringLiteral("commandpost"));
    QVERIFY2(!m_exe.isEmpty(), "the commandpost executable was not found beside the tests");
}

TstStartup::Run TstStartup::run(const QStringList &arguments) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return run(arguments, env);
}

TstStartup::Run TstStartup::run(const QStringList &arguments, const QProcessEnvironment &env) const
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(m_exe, arguments);
    Run result;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

void TstStartup::versionAndHelp()
{
    const Run version = run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.out.contains(QStringLiteral("commandpost")), qPrintable(version.out));
    const Run help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("--db")));
}

void TstStartup::versionAndHelpNeedNoDisplay()
{
    // A terminal on a server, or a package's smoke test: no X, no Wayland, no platform chosen.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QLatin1String(name));
    const Run version = run({QStringLiteral("--version")}, env);
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.out.contains(QStringLiteral("commandpost")), qPrintable(version.out + version.err));
    for (const QString &option : {QStringLiteral("--help"), QStringLiteral("-h"), QStringLiteral("--help-all")}) {
        const Run help = run({option}, env);
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QStringLiteral("--follow")), qPrintable(option + help.out + help.err));
    }
}

void TstStartup::secondWindowOnALockedDatabaseExitsWith2()
{
    TempDatabase db;
    DatabaseLock lock(db.path());
    QVERIFY(lock.tryLock()); // "the first window"
    const Run second = run({QStringLiteral("--db"), db.path()});
    QCOMPARE(second.exitCode, 2);
    QVERIFY2(second.err.contains(QStringLiteral("already open")), qPrintable(second.err));
    QVERIFY2(second.err.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(second.err));
    QVERIFY(!QFileInfo::exists(db.path())); // the database was never opened, let alone created
}

void TstStartup::foreignFileIsRefusedAndLeftUntouched()
{
    TempDatabase db;
    QVERIFY(db.writeBytes(db.path(), QByteArrayLiteral("name,handle\nAna,ana\n")));
    const QByteArray before = TempDatabase::fingerprint(db.path());
    const Run refused = run({QStringLiteral("--db"), db.path()});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(db.path()), qPrintable(refused.err));
    QCOMPARE(TempDatabase::fingerprint(db.path()), before);
    QCOMPARE(db.files(), QStringList{QStringLiteral("incidents.sqlite")}); // the lock went with the process
}

void TstStartup::emptyFileIsRefusedAndLeftUntouched()
{
    TempDatabase db;
    QVERIFY(db.writeBytes(db.path(), QByteArray()));
    const Run refused = run({QStringLiteral("--db"), db.path()});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(!refused.err.trimmed().isEmpty());
    QCOMPARE(QFileInfo(db.path()).size(), 0);
    QCOMPARE(db.files(), QStringList{QStringLiteral("incidents.sqlite")});
}

QTEST_GUILESS_MAIN(TstStartup)
#include "tst_startup.moc"
