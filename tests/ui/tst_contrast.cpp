// WCAG 2.1 AA for every colour that carries meaning: each foreground/background pair the GUI
// paints, in the light and the dark scheme, reaches 4.5:1 (3:1 for large text).

#include "widgets/kindstyle.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

using namespace cp;

Q_DECLARE_METATYPE(cp::ColourPair)

class TstContrast : public QObject
{
    Q_OBJECT

private slots:
    void ratioMatchesWcagExamples();
    void everyPairMeetsAA_data();
    void everyPairMeetsAA();
    void pairsCoverWhatWasMeasuredFailing();
    void textTonesReadOnTheRunningPalette();
    void schemeFollowsTheWindowColour();

private:
    static double required(const ColourPair &pair) { return pair.largeText ? 3.0 : 4.5; }
};

void TstContrast::ratioMatchesWcagExamples()
{
    QCOMPARE(KindStyle::contrastRatio(Qt::black, Qt::white), 21.0);
    QCOMPARE(KindStyle::contrastRatio(Qt::white, Qt::white), 1.0);
    // #767676 is the lightest grey with 4.5:1 on white; #777777 just misses it.
    QVERIFY(KindStyle::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) >= 4.5);
    QVERIFY(KindStyle::contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) < 4.5);
    // The values measured before the palette was fixed, to the hundredth.
    QCOMPARE(qRound(KindStyle::contrastRatio(Qt::white, QColor(0xef, 0x8f, 0x00)) * 100), 244);
    QCOMPARE(qRound(KindStyle::contrastRatio(QColor(0xbe, 0xbe, 0xbe), QColor(0xef, 0xef, 0xef)) * 100), 162);
    // A tint is what the eye sees of it over its background.
    QCOMPARE(KindStyle::blend(QColor(0, 0, 0, 0), Qt::white), QColor(Qt::white));
    QCOMPARE(KindStyle::blend(QColor(0, 0, 0, 255), Qt::white), QColor(Qt::black));
}

void TstContrast::everyPairMeetsAA_data()
{
    QTest::addColumn<ColourPair>("pair");
    int count = 0;
    for (ColorScheme scheme : {ColorScheme::Light, ColorScheme::Dark}) {
        const QString prefix = scheme == ColorScheme::Light ? QStringLiteral("light: ") : QStringLiteral("dark: ");
        for (const ColourPair &pair : KindStyle::pairs(scheme)) {
            QTest::newRow(qPrintable(prefix + pair.what)) << pair;
            ++count;
        }
    }
    qInfo("%d foreground/background pairs checked", count);
}

void TstContrast::everyPairMeetsAA()
{
    QFETCH(ColourPair, pair);
    QVERIFY(pair.foreground.isValid() && pair.background.isValid());
    QCOMPARE(pair.background.alpha(), 255); // a translucent background is blended before it is listed
    const double ratio = KindStyle::contrastRatio(pair.foreground, pair.background);
    QVERIFY2(ratio >= required(pair), qPrintable(QStringLiteral("%1 on %2: %3:1, needs %4:1")
                                                     .arg(pair.foreground.name(), pair.background.name())
                                                     .arg(ratio, 0, 'f', 2)
                                                     .arg(required(pair))));
}

void TstContrast::pairsCoverWhatWasMeasuredFailing()
{
    // The roll-call "Degraded" cell, the timer and callout and status-report badges, the
    // "Identified" status, the green "Resolved"/"Saved" and the idle save indicator.
    const QStringList expected{QStringLiteral("condition degraded"),
                               QStringLiteral("kind chip timer"),
                               QStringLiteral("kind chip callout"),
                               QStringLiteral("kind chip status"),
                               QStringLiteral("status identified on window"),
                               QStringLiteral("status resolved on window"),
                               QStringLiteral("saved on window"),
                               QStringLiteral("quiet (idle save indicator) on window")};
    for (ColorScheme scheme : {ColorScheme::Light, ColorScheme::Dark}) {
        QStringList names;
        for (const ColourPair &pair : KindStyle::pairs(scheme))
            names << pair.what;
        for (const QString &name : expected)
            QVERIFY2(names.contains(name), qPrintable(name));
    }
}

void TstContrast::textTonesReadOnTheRunningPalette()
{
    // Not only the reference palettes: the style this test runs with (Fusion's standard one).
    const QPalette palette = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
    const ColorScheme scheme = KindStyle::schemeOf(palette);
    for (auto tone : {KindStyle::Tone::Error, KindStyle::Tone::Saved, KindStyle::Tone::Quiet, KindStyle::Tone::Warning,
                      KindStyle::Tone::Info, KindStyle::Tone::Accent}) {
        for (auto role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase}) {
            const double ratio = KindStyle::contrastRatio(KindStyle::text(tone, scheme), palette.color(role));
            QVERIFY2(ratio >= 4.5,
                     qPrintable(QStringLiteral("tone %1 on role %2: %3").arg(int(tone)).arg(int(role)).arg(ratio)));
        }
    }
}

void TstContrast::schemeFollowsTheWindowColour()
{
    QCOMPARE(KindStyle::schemeOf(KindStyle::referencePalette(ColorScheme::Light)), ColorScheme::Light);
    QCOMPARE(KindStyle::schemeOf(KindStyle::referencePalette(ColorScheme::Dark)), ColorScheme::Dark);
    // The same meaning, another colour in the dark: red text on #353535 would be 2.6:1.
    QVERIFY(KindStyle::text(KindStyle::Tone::Error, ColorScheme::Dark) !=
            KindStyle::text(KindStyle::Tone::Error, ColorScheme::Light));
}

QTEST_MAIN(TstContrast)
#include "tst_contrast.moc"
