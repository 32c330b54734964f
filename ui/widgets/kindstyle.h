#pragma once

#include "domain/incident.h"
#include "domain/timelineentry.h"
#include "domain/timer.h"

#include <QColor>
#include <QIcon>
#include <QList>
#include <QPalette>

namespace cp {

// Light or dark desktop: the text colours below have a variant for each, so coloured text keeps
// its contrast against the window and the views' base.
enum class ColorScheme
{
    Light,
    Dark
};

// A filled badge or cell: its fill and the text drawn on it. Chips paint their own background,
// so they are the same in both schemes.
struct Chip
{
    QColor fill;
    QColor text;
    bool isValid() const { return fill.isValid(); }
};

// One foreground/background pair the GUI paints, for the contrast check.
struct ColourPair
{
    QString what;
    QColor foreground;
    QColor background;
    bool largeText = false; // 18 pt, or 14 pt bold: WCAG asks 3:1 instead of 4.5:1
};

// The GUI's palette: every colour that carries meaning (entry kinds, severities, statuses, roll-call
// conditions, timer phases, save and error messages, the role chart's cards) is defined here and
// nowhere else. Models stay colourless; views and delegates ask here. Every pair is listed by
// pairs() so that a test holds each one to WCAG 2.1 AA.
class KindStyle final
{
public:
    // Text colours on the window or a view: what they mean.
    enum class Tone
    {
        Error,   // refusals, "Not saved", missed roll-call items, vacancies
        Saved,   // "Saved 14:02", successes
        Quiet,   // idle indicators, closed actions, skipped items, muted timers
        Warning, // proposed actions
        Info,    // in-progress actions
        Accent   // follow-ups
    };

    static ColorScheme schemeOf(const QPalette &palette);
    static ColorScheme currentScheme(); // the application's palette

    static QColor text(Tone tone, ColorScheme scheme);
    static QColor text(Tone tone) { return text(tone, currentScheme()); }
    static QColor errorColor() { return text(Tone::Error); }
    static QColor savedColor() { return text(Tone::Saved); }
    static QColor quietColor() { return text(Tone::Quiet); }
    // The body text of a view in that scheme (what Qt's own palettes use, near enough).
    static QColor normalText(ColorScheme scheme);

    static Chip kindChip(EntryKind kind);
    static QColor kindColor(EntryKind kind) { return kindChip(kind).fill; }
    static Chip severityChip(Severity severity);
    static QColor severityColor(Severity severity) { return severityChip(severity).fill; }
    static QColor statusColor(IncidentStatus status, ColorScheme scheme);
    static QColor statusColor(IncidentStatus status) { return statusColor(status, currentScheme()); }
    // Roll-call condition cells (healthy, degraded, down, unknown); invalid for "" (not answered).
    static Chip conditionChip(const QString &conditionKey);

    // Timers: the row's background in amber and red phases (invalid otherwise), the remaining
    // time's colour, and the flashing row of a timer that just expired.
    static QColor timerBackground(TimerPhase phase);
    static QColor timerText(TimerPhase phase, ColorScheme scheme);
    static Chip flashChip();

    // Communications: a message's or phase cell's state (sent, approved, drafted, changes, due,
    // skipped); the grid shows it as a tint under the view's text.
    static QColor commsStateColour(const QString &state);
    static QColor commsCellTint(const QString &state);
    static constexpr int CommsTintAlpha = 70;

    // The role chart draws its own cards, the same in both schemes.
    struct RoleCardColours
    {
        QColor background, cardFill, commandFill, vacantFill, border, edge, select;
        QColor title, holder, note, vacant, vacantRequired, span, badgeFill, badgeText, stripHeld, stripVacant;
        QColor teamFrame, teamLabel;
    };
    static const RoleCardColours &roleCard();

    // A round swatch for combo boxes and menus.
    static QIcon swatch(const QColor &color, int size = 12);

    // What the contrast check walks: the reference window/base/alternate backgrounds of each
    // scheme, and every pair painted on them.
    static QPalette referencePalette(ColorScheme scheme);
    static QList<ColourPair> pairs(ColorScheme scheme);
    // WCAG 2.1 contrast ratio (1 … 21) of two opaque colours.
    static double contrastRatio(const QColor &a, const QColor &b);
    // a drawn over b at a's alpha: what the eye sees of a tint.
    static QColor blend(const QColor &over, const QColor &under);
};

} // namespace cp
