// What the window does not load at start: libpq (and the Kerberos, LDAP and TLS libraries behind it)
// comes with team mode, Qt Multimedia (PulseAudio, the codecs) with the first alert sound, Qt Print
// Support with the first print, and no image-format plugin is asked to read anything for the first
// frame.

#include "server/serveraddress.h"
#include "uifixture.h"
#include "widgets/alertsound.h"
#include "widgets/drawnstandardicons.h"
#include "widgets/printing.h"
#include "widgets/timeralert.h"

#include <QApplication>
#include <QFile>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStandardPaths>

using namespace cp;
using namespace cp::test;

class TstLazyLibraries : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    // In this order: each of the later ones loads a library.
    void theFirstFrameReadsNoRasterImage();
    void fusionTitleBarIconsAreParsedOnce();
    void theWindowOnAFileLoadsNeither();
    void aServerAddressLoadsLibpq();
    void theAlertSoundPluginLoadsQtMultimedia();
    void thePrintPluginLoadsQtPrintSupport();

private:
    // The window on a file with one incident, shown as the program starts it.
    static bool showWindow(UiFixture &f);
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

bool TstLazyLibraries::showWindow(UiFixture &f)
{
    if (!f.declare(QStringLiteral("Checkout outage")))
        return false;
    MainWindow &window = f.makeWindow();
    window.openInitialIncident();
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

void TstLazyLibraries::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    useDrawnStandardIcons(); // as the program does before its window
}

void TstLazyLibraries::theFirstFrameReadsNoRasterImage()
{
    UiFixture f;
    QVERIFY(showWindow(f));
    QVERIFY(!f.window->grab().isNull()); // every widget in view painted, its icons drawn
    QVERIFY(isLoaded("libqsvgicon.so")); // the check itself works: the toolbar's SVG icons
    // The filter's clear button and the toolbar's and menu bar's extension buttons are drawn, not
    // read from the style's PNG files: a raster file would be offered to every plugin first.
    for (const QByteArray plugin : {"libqjpeg.so", "libqgif.so", "libqico.so", "libqsvg.so", "libjpeg.so"})
        QVERIFY2(!isLoaded(plugin), plugin.constData());
    const QImage clear = QApplication::style()->standardIcon(QStyle::SP_LineEditClearButton).pixmap(16).toImage();
    QVERIFY(!clear.isNull());
    QVERIFY(clear.pixelColor(8, 8).alpha() > 0); // something is drawn there
    // Around the drawing each icon is transparent, not whatever the pixmap's memory held.
    for (const auto icon : {QStyle::SP_LineEditClearButton, QStyle::SP_ToolBarHorizontalExtensionButton,
                            QStyle::SP_ToolBarVerticalExtensionButton}) {
        for (const int size : {10, 16, 24}) {
            const QImage image = QApplication::style()->standardIcon(icon).pixmap(size).toImage();
            QCOMPARE(image.pixelColor(0, 0).alpha(), 0);
            QCOMPARE(image.pixelColor(size - 1, size - 1).alpha(), 0);
        }
    }
}

void TstLazyLibraries::fusionTitleBarIconsAreParsedOnce()
{
    auto *style = qobject_cast<QProxyStyle *>(QApplication::style());
    QVERIFY(style); // the drawn icons' proxy over the platform's style
    if (style->baseStyle()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QSKIP("the platform's style is not Fusion");
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("fusion")));
    // Each dock asks for these at every layout of its title bar: the same icon every time, as
    // Fusion draws it.
    for (const auto icon : {QStyle::SP_TitleBarCloseButton, QStyle::SP_TitleBarNormalButton,
                            QStyle::SP_TitleBarMinButton}) {
        const QIcon first = style->standardIcon(icon);
        QVERIFY(!first.isNull());
        QCOMPARE(style->standardIcon(icon).cacheKey(), first.cacheKey());
        QCOMPARE(first.pixmap(10).toImage(), fusion->standardIcon(icon).pixmap(10).toImage());
    }
}

void TstLazyLibraries::theWindowOnAFileLoadsNeither()
{
    UiFixture f;
    QVERIFY(showWindow(f));
    QVERIFY(isLoaded("libQt6Widgets.so")); // the check itself works
    QVERIFY(!isLoaded("libpq.so"));
    QVERIFY(!isLoaded("libQt6Multimedia.so"));
    QVERIFY(!isLoaded("libQt6PrintSupport.so"));
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

void TstLazyLibraries::thePrintPluginLoadsQtPrintSupport()
{
    Printing *printing = Printing::plugin();
    QVERIFY2(printing, "the print plugin is built beside the program");
    QVERIFY(isLoaded("libQt6PrintSupport.so"));
    QCOMPARE(Printing::plugin(), printing); // loaded once
}

QTEST_MAIN(TstLazyLibraries)
#include "tst_lazylibraries.moc"
