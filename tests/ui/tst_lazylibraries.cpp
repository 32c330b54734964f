// What the window does not load at start: libpq (and the Kerberos, LDAP and TLS libraries behind it)
// comes with team mode, Qt Multimedia (PulseAudio, the codecs) with the first alert sound.

#include "server/serveraddress.h"
#include "uifixture.h"
#include "widgets/alertsound.h"
#include "widgets/timeralert.h"

#include <QFile>
#include <QStandardPaths>

using namespace cp;
using namespace cp::test;

class TstLazyLibraries : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    // In this order: each of the later ones loads a library.
    void theWindowOnAFileLoadsNeither();
    void aServerAddressLoadsLibpq();
    void theAlertSoundPluginLoadsQtMultimedia();

private:
    // Whether a library whose file name starts with 'name' is mapped into this process.
    static bool isLoaded(const QByteArray &name);
};

bool TstLazyLibraries::isLoaded(const QByteArray &name)
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return false;
    return maps.readAll().contains('/' + name);
}

void TstLazyLibraries::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TstLazyLibraries::theWindowOnAFileLoadsNeither()
{
    UiFixture f;
    QVERIFY(f.declare(QStringLiteral("Checkout outage")));
    MainWindow &window = f.makeWindow();
    window.openInitialIncident();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(isLoaded("libQt6Widgets.so")); // the check itself works
    QVERIFY(!isLoaded("libpq.so"));
    QVERIFY(!isLoaded("libQt6Multimedia.so"));
}

void TstLazyLibraries::aServerAddressLoadsLibpq()
{
    const auto address = ServerAddress::parse(QStringLiteral("host=db.example.org dbname=ops user=bo"));
    QVERIFY2(address, qPrintable(address.error().message()));
    QCOMPARE(address->value(QStringLiteral("dbname")), QStringLiteral("ops"));
    QVERIFY(isLoaded("libpq.so"));
    QVERIFY(!ServerAddress::parse(QStringLiteral("host=db nonsense=1"))); // libpq's own refusal
}

void TstLazyLibraries::theAlertSoundPluginLoadsQtMultimedia()
{
    AlertSoundFactory *factory = AlertSoundFactory::plugin();
    QVERIFY2(factory, "the alert sound plugin is built beside the program");
    QVERIFY(isLoaded("libQt6Multimedia.so"));
    const std::unique_ptr<AlertSound> sound = factory->create(QUrl(TimerAlert::soundUrl()), 0.5f);
    QVERIFY(sound);
    // Read to the end before it goes: a read left running met the program's exit (a warning, once a hang).
    QTRY_VERIFY(sound->loaded());
    QCOMPARE(AlertSoundFactory::plugin(), factory); // loaded once
}

QTEST_MAIN(TstLazyLibraries)
#include "tst_lazylibraries.moc"
