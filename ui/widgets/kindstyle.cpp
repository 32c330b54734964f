#include "kindstyle.h"

#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPixmap>

#include <cmath>

namespace cp {

namespace {

const QColor White(0xff, 0xff, 0xff);
const QColor Ink(0x21, 0x21, 0x21); // dark text on light fills (amber, yellow)

Chip onWhite(QRgb fill)
{
    return {QColor(fill), White};
}

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

const QStringList &conditionKeys()
{
    static const QStringList keys{QStringLiteral("healthy"), QStringLiteral("degraded"), QStringLiteral("down"),
                                  QStringLiteral("unknown")};
    return keys;
}

const QStringList &commsStates()
{
    static const QStringList states{QStringLiteral("sent"),    QStringLiteral("approved"), QStringLiteral("drafted"),
                                    QStringLiteral("changes"), QStringLiteral("due"),      QStringLiteral("skipped")};
    return states;
}

} // namespace

ColorScheme KindStyle::schemeOf(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? ColorScheme::Dark : ColorScheme::Light;
}

ColorScheme KindStyle::currentScheme()
{
    return schemeOf(QGuiApplication::palette());
}

QColor KindStyle::text(Tone tone, ColorScheme scheme)
{
    const bool dark = scheme == ColorScheme::Dark;
    switch (tone) {
    case Tone::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    case Tone::Saved:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20);
    case Tone::Quiet:
        return dark ? QColor(0xbd, 0xbd, 0xbd) : QColor(0x61, 0x61, 0x61);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xa1, 0x4f, 0x00);
    case Tone::Info:
        return dark ? QColor(0x90, 0xca, 0xf9) : QColor(0x15, 0x65, 0xc0);
    case Tone::Accent:
        return dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x6a, 0x1b, 0x9a);
    }
    return normalText(scheme);
}

QColor KindStyle::normalText(ColorScheme scheme)
{
    return scheme == ColorScheme::Dark ? QColor(0xee, 0xee, 0xee) : Ink;
}

Chip KindStyle::kindChip(EntryKind kind)
{
    switch (kind) {
    case EntryKind::Action:
        return onWhite(0x1e6fd0);
    case EntryKind::Status:
        return onWhite(0x2a7a4d);
    case EntryKind::Decision:
        return onWhite(0x7b3fa8);
    case EntryKind::Callout:
        return onWhite(0xb54d00);
    case EntryKind::Note:
        return onWhite(0x5f6b74);
    case EntryKind::Communication:
        return onWhite(0x00767f);
    case EntryKind::Role:
        return onWhite(0x8d5a2b);
    case EntryKind::Timer:
        return onWhite(0x8a6d00);
    case EntryKind::RollCall:
        return onWhite(0x3f51b5);
    case EntryKind::System:
        return onWhite(0x45505e);
    }
    return onWhite(0x616161);
}

Chip KindStyle::severityChip(Severity severity)
{
    switch (severity) {
    case Severity::Sev1:
        return onWhite(0xc62828);
    case Severity::Sev2:
        return onWhite(0xc24400);
    case Severity::Sev3:
        return {QColor(0xff, 0xc1, 0x07), Ink};
    case Severity::Sev4:
        return onWhite(0x1565c0);
    case Severity::Sev5:
        return onWhite(0x546e7a);
    }
    return onWhite(0x616161);
}

QColor KindStyle::statusColor(IncidentStatus status, ColorScheme scheme)
{
    const bool dark = scheme == ColorScheme::Dark;
    switch (status) {
    case IncidentStatus::Investigating:
        return text(Tone::Error, scheme);
    case IncidentStatus::Identified:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb3, 0x47, 0x00);
    case IncidentStatus::Monitoring:
        return text(Tone::Info, scheme);
    case IncidentStatus::Resolved:
        return text(Tone::Saved, scheme);
    }
    return normalText(scheme);
}

Chip KindStyle::conditionChip(const QString &key)
{
    if (key == QLatin1String("healthy"))
        return onWhite(0x2e7d32);
    if (key == QLatin1String("degraded"))
        return {QColor(0xff, 0xb3, 0x00), Ink}; // amber reads as amber only with dark text on it
    if (key == QLatin1String("down"))
        return onWhite(0xc62828);
    if (key == QLatin1String("unknown"))
        return onWhite(0x6b6b6b);
    return {};
}

QColor KindStyle::timerBackground(TimerPhase phase)
{
    switch (phase) {
    case TimerPhase::Expired:
        return QColor(0xff, 0xcd, 0xd2);
    case TimerPhase::DueSoon:
        return QColor(0xff, 0xe0, 0x82);
    default:
        return {};
    }
}

QColor KindStyle::timerText(TimerPhase phase, ColorScheme scheme)
{
    switch (phase) {
    case TimerPhase::Expired:
        return QColor(0xb7, 0x1c, 0x1c); // on its own pink row
    case TimerPhase::DueSoon:
        return QColor(0x8a, 0x4b, 0x00); // on its own amber row
    case TimerPhase::Running:
        return normalText(scheme);
    case TimerPhase::Paused:
    case TimerPhase::Acknowledged:
    case TimerPhase::Cancelled:
        return text(Tone::Quiet, scheme);
    }
    return normalText(scheme);
}

Chip KindStyle::flashChip()
{
    return onWhite(0xc62828);
}

QColor KindStyle::commsStateColour(const QString &state)
{
    QColor colour;
    if (state == QLatin1String("sent"))
        colour = QColor(0x2e, 0x7d, 0x32);
    else if (state == QLatin1String("approved"))
        colour = QColor(0x1e, 0x88, 0xe5);
    else if (state == QLatin1String("drafted"))
        colour = QColor(0xfb, 0xc0, 0x2d);
    else if (state == QLatin1String("changes"))
        colour = QColor(0xef, 0x6c, 0x00);
    else if (state == QLatin1String("due") || state == QLatin1String("overdue") || state == QLatin1String("missed"))
        colour = QColor(0xc6, 0x28, 0x28);
    else if (state == QLatin1String("skipped") || state == QLatin1String("passed"))
        colour = QColor(0x9e, 0x9e, 0x9e);
    return colour;
}

QColor KindStyle::commsCellTint(const QString &state)
{
    QColor colour = commsStateColour(state);
    if (colour.isValid())
        colour.setAlpha(CommsTintAlpha);
    return colour;
}

const KindStyle::RoleCardColours &KindStyle::roleCard()
{
    static const RoleCardColours colours{
        QColor(0xf2, 0xf4, 0xf7), // background
        QColor(0xfa, 0xfb, 0xfd), // card
        QColor(0xe3, 0xee, 0xfb), // the IC's card
        QColor(0xfd, 0xec, 0xea), // a vacant required role
        QColor(0xb4, 0xbd, 0xc9), // border
        QColor(0x90, 0x99, 0xa6), // edges
        QColor(0x1e, 0x6f, 0xd9), // selection
        QColor(0x1c, 0x24, 0x30), // title
        QColor(0x12, 0x4a, 0x1c), // holders
        QColor(0x55, 0x5e, 0x6a), // the bottom line
        QColor(0x5a, 0x62, 0x6d), // "vacant"
        QColor(0xc6, 0x28, 0x28), // "VACANT — required"
        QColor(0xa1, 0x4f, 0x00), // over the span of control
        QColor(0xdd, 0xe3, 0xea), // short-name badge
        QColor(0x33, 0x3d, 0x4a), // its text
        QColor(0x2e, 0x7d, 0x32), // held strip
        QColor(0xb0, 0xb6, 0xbf), // vacant strip
        QColor(0x5b, 0x6b, 0x84), // sub-team frame
        QColor(0x3c, 0x4a, 0x5e), // sub-team label
    };
    return colours;
}

namespace {

// The same few colours fill every kind, severity and status menu and combo: painted once each.
// Kept to the end (never destroyed): pixmaps must not outlive the application object.
QIcon paintedSwatch(const QColor &color, int size)
{
    static auto *const painted = new QHash<std::pair<QRgb, int>, QIcon>;
    const auto key = std::make_pair(color.rgba(), size);
    if (const auto found = painted->constFind(key); found != painted->constEnd())
        return *found;
    QPixmap pixmap(size * 2, size * 2);
    pixmap.setDevicePixelRatio(2.0);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3));
    painter.end();
    return *painted->insert(key, QIcon(pixmap));
}

// A swatch painted the first time it is drawn: a window makes one for every item of its kind,
// severity and status combos and menus, and shows a few of them. Never null, so a combo sizing
// itself to its items needs none of them painted.
class SwatchEngine final : public QIconEngine
{
public:
    SwatchEngine(const QColor &color, int size) : m_color(color), m_size(size) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, 1.0, mode, state); // in device pixels: the QIcon asking sets the ratio
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    bool isNull() override { return false; }
    QString key() const override { return QStringLiteral("cp.swatch"); }
    QIconEngine *clone() const override { return new SwatchEngine(m_color, m_size); }

private:
    QIcon icon() const { return paintedSwatch(m_color, m_size); }

    QColor m_color;
    int m_size;
};

} // namespace

QIcon KindStyle::swatch(const QColor &color, int size)
{
    return QIcon(new SwatchEngine(color, size));
}

QPalette KindStyle::referencePalette(ColorScheme scheme)
{
    // Fusion's light palette, and the dark one desktops commonly give Qt applications.
    QPalette palette;
    const bool dark = scheme == ColorScheme::Dark;
    palette.setColor(QPalette::Window, dark ? QColor(0x35, 0x35, 0x35) : QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::Base, dark ? QColor(0x25, 0x25, 0x25) : QColor(0xff, 0xff, 0xff));
    palette.setColor(QPalette::AlternateBase, dark ? QColor(0x2d, 0x2d, 0x2d) : QColor(0xf7, 0xf7, 0xf7));
    palette.setColor(QPalette::Text, normalText(scheme));
    palette.setColor(QPalette::WindowText, normalText(scheme));
    return palette;
}

QList<ColourPair> KindStyle::pairs(ColorScheme scheme)
{
    QList<ColourPair> list;
    const QPalette reference = referencePalette(scheme);
    const QList<QPair<QString, QColor>> backgrounds{
        {QStringLiteral("window"), reference.color(QPalette::Window)},
        {QStringLiteral("base"), reference.color(QPalette::Base)},
        {QStringLiteral("alternate row"), reference.color(QPalette::AlternateBase)}};
    auto onEveryBackground = [&](const QString &what, const QColor &foreground) {
        for (const auto &[name, background] : backgrounds)
            list.append({what + QStringLiteral(" on ") + name, foreground, background});
    };
    auto chip = [&](const QString &what, const Chip &c, bool large = false) {
        list.append({what, c.text, c.fill, large});
    };

    const QList<QPair<QString, Tone>> tones{{QStringLiteral("error"), Tone::Error},
                                            {QStringLiteral("saved"), Tone::Saved},
                                            {QStringLiteral("quiet (idle save indicator)"), Tone::Quiet},
                                            {QStringLiteral("warning"), Tone::Warning},
                                            {QStringLiteral("info"), Tone::Info},
                                            {QStringLiteral("accent"), Tone::Accent}};
    for (const auto &[name, tone] : tones)
        onEveryBackground(name, text(tone, scheme));
    onEveryBackground(QStringLiteral("body text"), normalText(scheme));
    for (IncidentStatus status : IncidentVocabulary::allStatuses())
        onEveryBackground(QStringLiteral("status ") + IncidentVocabulary::statusKey(status),
                          statusColor(status, scheme));
    for (EntryKind kind : EntryVocabulary::allKinds())
        chip(QStringLiteral("kind chip ") + EntryVocabulary::kindKey(kind), kindChip(kind));
    for (Severity severity : IncidentVocabulary::allSeverities())
        chip(QStringLiteral("severity chip ") + IncidentVocabulary::severityKey(severity), severityChip(severity));
    for (const QString &key : conditionKeys())
        chip(QStringLiteral("condition ") + key, conditionChip(key));
    chip(QStringLiteral("flashing timer"), flashChip());

    // Timers: the remaining time is large and bold (3:1 would do) but the label beside it is
    // body text on the same row, so both are held to 4.5:1.
    for (TimerPhase phase : {TimerPhase::Expired, TimerPhase::DueSoon}) {
        const QString name = phase == TimerPhase::Expired ? QStringLiteral("expired") : QStringLiteral("due soon");
        list.append({QStringLiteral("timer ") + name + QStringLiteral(" digits"), timerText(phase, scheme),
                     timerBackground(phase)});
        list.append({QStringLiteral("timer ") + name + QStringLiteral(" label"), Ink, timerBackground(phase)});
    }
    for (TimerPhase phase : {TimerPhase::Running, TimerPhase::Acknowledged})
        onEveryBackground(QStringLiteral("timer digits ") + QString::number(int(phase)), timerText(phase, scheme));

    // The communications grid's tints under the body text.
    for (const QString &state : commsStates()) {
        for (const auto &[name, background] : backgrounds)
            list.append({QStringLiteral("comms cell ") + state + QStringLiteral(" on ") + name, normalText(scheme),
                         blend(commsCellTint(state), background)});
    }

    // The role chart's cards.
    const RoleCardColours &card = roleCard();
    for (const auto &[fillName, fill] : {QPair<QString, QColor>{QStringLiteral("card"), card.cardFill},
                                         QPair<QString, QColor>{QStringLiteral("IC card"), card.commandFill}}) {
        list.append({QStringLiteral("role title on ") + fillName, card.title, fill});
        list.append({QStringLiteral("role holder on ") + fillName, card.holder, fill});
        list.append({QStringLiteral("role note on ") + fillName, card.note, fill});
        list.append({QStringLiteral("role vacant on ") + fillName, card.vacant, fill});
        list.append({QStringLiteral("role over span on ") + fillName, card.span, fill});
    }
    list.append({QStringLiteral("role title on a vacant required card"), card.title, card.vacantFill});
    list.append({QStringLiteral("VACANT on a vacant required card"), card.vacantRequired, card.vacantFill});
    list.append({QStringLiteral("role note on a vacant required card"), card.note, card.vacantFill});
    list.append({QStringLiteral("short-name badge"), card.badgeText, card.badgeFill});
    list.append({QStringLiteral("sub-team label"), card.teamLabel, card.background});
    list.append({QStringLiteral("vacancy banner"), text(Tone::Error, ColorScheme::Light), card.vacantFill});
    return list;
}

double KindStyle::contrastRatio(const QColor &a, const QColor &b)
{
    double la = luminance(a);
    double lb = luminance(b);
    if (la < lb)
        std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

QColor KindStyle::blend(const QColor &over, const QColor &under)
{
    const double a = over.alphaF();
    return QColor::fromRgbF(float(over.redF() * a + under.redF() * (1 - a)),
                            float(over.greenF() * a + under.greenF() * (1 - a)),
                            float(over.blueF() * a + under.blueF() * (1 - a)));
}

} // namespace cp
