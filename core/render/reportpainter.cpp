#include "reportpainter.h"

#include "domain/rolesummary.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QTextDocument>

#include <functional>

namespace cp {

namespace {

constexpr double Margin = 36;   // points: half an inch all round
constexpr double TitleH = 24;   // the form's title bar
constexpr double FooterH = 18;  // the footer line
constexpr double Pad = 3;       // inside boxes
constexpr double LabelPt = 6.5; // box labels ("1. Incident Name:")
const QColor Shade(0xe6, 0xe6, 0xe6);

// One page's drawing helpers. Coordinates are points from the page's top-left corner; the
// painter works in device pixels, so every rectangle is scaled on the way.
class Sheet
{
public:
    Sheet(QPainter &painter, QPaintDevice *device)
        : m_p(painter), m_device(device), m_scale(device->logicalDpiX() / 72.0),
          m_page(device->width() / m_scale, device->height() / m_scale)
    {
    }

    QSizeF page() const { return m_page; }
    QRectF content() const
    {
        return {Margin, Margin + TitleH + 4, m_page.width() - 2 * Margin,
                m_page.height() - 2 * Margin - TitleH - FooterH - 8};
    }
    double scale() const { return m_scale; }
    QPainter &painter() { return m_p; }
    QPaintDevice *device() const { return m_device; }

    QRectF px(const QRectF &r) const
    {
        return {r.x() * m_scale, r.y() * m_scale, r.width() * m_scale, r.height() * m_scale};
    }

    static QFont font(double points, bool bold = false)
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setStyleHint(QFont::SansSerif);
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    }

    QString elided(const QString &text, const QFont &f, double width) const
    {
        return QFontMetricsF(f, m_device).elidedText(text, Qt::ElideRight, width * m_scale);
    }

    double textHeight(const QString &text, const QFont &f, double width) const
    {
        if (text.isEmpty())
            return 0;
        const QFontMetricsF metrics(f, m_device);
        return metrics.boundingRect(QRectF(0, 0, width * m_scale, 1e7), Qt::TextWordWrap, text).height() / m_scale;
    }

    void text(const QRectF &r, const QString &text, const QFont &f, int flags = Qt::AlignLeft | Qt::AlignTop)
    {
        m_p.save();
        m_p.setFont(f);
        m_p.setPen(Qt::black);
        m_p.setClipRect(px(r));
        m_p.drawText(px(r), flags | Qt::TextWordWrap, text);
        m_p.restore();
    }

    void frame(const QRectF &r, double width = 0.8)
    {
        m_p.save();
        m_p.setPen(QPen(Qt::black, width * m_scale));
        m_p.setBrush(Qt::NoBrush);
        m_p.drawRect(px(r));
        m_p.restore();
    }

    void fill(const QRectF &r, const QColor &color) { m_p.fillRect(px(r), color); }

    void line(const QPointF &a, const QPointF &b, double width = 0.8)
    {
        m_p.save();
        m_p.setPen(QPen(Qt::black, width * m_scale));
        m_p.drawLine(QPointF(a.x() * m_scale, a.y() * m_scale), QPointF(b.x() * m_scale, b.y() * m_scale));
        m_p.restore();
    }

    // A numbered form box: its label along the top, content wrapped below. Returns the content area.
    QRectF box(const QRectF &r, const QString &label, const QString &content = QString(), double points = 9)
    {
        frame(r);
        text(QRectF(r.x() + Pad, r.y() + 1.5, r.width() - 2 * Pad, 10), label, font(LabelPt, true));
        const QRectF inner(r.x() + Pad + 1, r.y() + 11, r.width() - 2 * Pad - 2, r.height() - 12);
        if (!content.isEmpty())
            text(inner, content, font(points));
        return inner;
    }

    // A table inside 'area': shaded header, ruled rows, text wrapped per cell. Draws the rows from
    // 'first' that fit; returns how many it drew.
    int table(const QRectF &area, const QList<double> &fractions, const QStringList &header,
              const QList<QStringList> &rows, int first = 0, double points = 8)
    {
        const QFont bodyFont = font(points);
        const QFont headFont = font(points - 0.5, true);
        QList<double> widths;
        for (double f : fractions)
            widths << f * area.width();
        auto rowHeight = [&](const QStringList &cells, const QFont &f) {
            double h = 0;
            for (qsizetype c = 0; c < widths.size(); ++c)
                h = qMax(h, textHeight(cells.value(c), f, widths.at(c) - 2 * Pad));
            return h + 2 * Pad;
        };
        double y = area.y();
        const double headH = rowHeight(header, headFont);
        fill(QRectF(area.x(), y, area.width(), headH), Shade);
        drawRow(area.x(), y, headH, widths, header, headFont);
        y += headH;
        int drawn = 0;
        for (qsizetype r = first; r < rows.size(); ++r) {
            const double h = rowHeight(rows.at(r), bodyFont);
            if (y + h > area.bottom() + 0.01)
                break;
            drawRow(area.x(), y, h, widths, rows.at(r), bodyFont);
            y += h;
            ++drawn;
        }
        return drawn;
    }

    double rowHeight(const QList<double> &widths, const QStringList &cells, double points) const
    {
        double h = 0;
        for (qsizetype c = 0; c < widths.size(); ++c)
            h = qMax(h, textHeight(cells.value(c), font(points), widths.at(c) - 2 * Pad));
        return h + 2 * Pad;
    }

private:
    void drawRow(double x, double y, double h, const QList<double> &widths, const QStringList &cells, const QFont &f)
    {
        double cx = x;
        for (qsizetype c = 0; c < widths.size(); ++c) {
            frame(QRectF(cx, y, widths.at(c), h), 0.5);
            text(QRectF(cx + Pad, y + Pad, widths.at(c) - 2 * Pad, h - 2 * Pad), cells.value(c), f);
            cx += widths.at(c);
        }
    }

    QPainter &m_p;
    QPaintDevice *m_device;
    double m_scale;
    QSizeF m_page;
};

QString formCode(ReportPainter::Form form)
{
    switch (form) {
    case ReportPainter::Form::Ics201:
        return QStringLiteral("ICS 201");
    case ReportPainter::Form::Ics207:
        return QStringLiteral("ICS 207");
    case ReportPainter::Form::Ics214:
        return QStringLiteral("ICS 214");
    case ReportPainter::Form::Report:
        break;
    }
    return QString();
}

QString formHeading(ReportPainter::Form form)
{
    switch (form) {
    case ReportPainter::Form::Ics201:
        return ReportPainter::tr("INCIDENT BRIEFING");
    case ReportPainter::Form::Ics207:
        return ReportPainter::tr("INCIDENT ORGANIZATION CHART");
    case ReportPainter::Form::Ics214:
        return ReportPainter::tr("ACTIVITY LOG");
    case ReportPainter::Form::Report:
        break;
    }
    return ReportPainter::tr("POSTMORTEM DRAFT");
}

QString period(const IncidentReport &r)
{
    return ReportPainter::tr("%1 – %2 %3")
        .arg(r.dateTime(r.incident.declaredAt), r.dateTime(r.periodEnd()), r.zoneName());
}

// Title bar and footer: the form, the incident, its period and the page number on every page.
void chrome(Sheet &s, ReportPainter::Form form, const IncidentReport &r, int page, int pages)
{
    const QSizeF size = s.page();
    const QRectF bar(Margin, Margin, size.width() - 2 * Margin, TitleH);
    s.fill(bar, Shade);
    s.frame(bar, 1.2);
    const QString code = formCode(form);
    if (!code.isEmpty())
        s.text(bar.adjusted(Pad + 2, 0, 0, 0), code, Sheet::font(12, true), Qt::AlignLeft | Qt::AlignVCenter);
    s.text(bar, formHeading(form), Sheet::font(12, true), Qt::AlignHCenter | Qt::AlignVCenter);
    s.text(bar.adjusted(0, 0, -Pad - 2, 0), ReportPainter::tr("CommandPost"), Sheet::font(7),
           Qt::AlignRight | Qt::AlignVCenter);

    const double y = size.height() - Margin - FooterH;
    s.line(QPointF(Margin, y), QPointF(size.width() - Margin, y), 0.6);
    const QRectF foot(Margin, y + 2, size.width() - 2 * Margin, FooterH - 2);
    const QString left = code.isEmpty() ? r.incident.title : QStringLiteral("%1 · %2").arg(code, r.incident.title);
    const QRectF leftRect(foot.x(), foot.y(), foot.width() * 0.42, foot.height());
    s.text(leftRect, s.elided(left, Sheet::font(7), leftRect.width()), Sheet::font(7),
           Qt::AlignLeft | Qt::AlignVCenter);
    s.text(foot.adjusted(foot.width() * 0.42, 0, -foot.width() * 0.12, 0),
           ReportPainter::tr("Operational period %1").arg(period(r)), Sheet::font(7),
           Qt::AlignHCenter | Qt::AlignVCenter);
    s.text(foot, ReportPainter::tr("Page %1 of %2").arg(page).arg(pages), Sheet::font(7, true),
           Qt::AlignRight | Qt::AlignVCenter);
}

QString holderNames(const IncidentReport &r, const QString &roleKey)
{
    for (const IncidentRole &role : r.roles) {
        if (role.definition.key == roleKey)
            return r.heldBy(role);
    }
    return QString();
}

QString commanderName(const IncidentReport &r)
{
    const QString ic = holderNames(r, QStringLiteral("ic"));
    return ic.isEmpty() && !r.roles.isEmpty() ? r.heldBy(r.roles.constFirst()) : ic;
}

// "6. Prepared by" / "8. Prepared by": the IC signs the briefing; the log is signed by its keeper.
void preparedBy(Sheet &s, const QRectF &r, const QString &number, const QString &name, const QString &position,
                const IncidentReport &report)
{
    s.box(r, ReportPainter::tr("%1. Prepared by:").arg(number));
    const double y = r.y() + 13;
    const double w = r.width();
    const QFont f = Sheet::font(8);
    s.text(QRectF(r.x() + Pad, y, w * 0.24 - Pad, 14),
           s.elided(ReportPainter::tr("Name: %1").arg(name), f, w * 0.24 - Pad), f);
    s.text(QRectF(r.x() + w * 0.24, y, w * 0.32, 14),
           s.elided(ReportPainter::tr("Position/Title: %1").arg(position), f, w * 0.32), f);
    s.text(QRectF(r.x() + w * 0.56, y, w * 0.2, 14), ReportPainter::tr("Signature:"), f);
    s.line(QPointF(r.x() + w * 0.56 + 40, y + 10), QPointF(r.x() + w * 0.76 - 6, y + 10), 0.5);
    s.text(QRectF(r.x() + w * 0.76, y, w * 0.24 - Pad, 14),
           ReportPainter::tr("Date/Time: %1").arg(report.dateTime(report.generatedAt)), f);
}

// The incident name and period across the top of a form page.
void identityRow(Sheet &s, const QRectF &r, const IncidentReport &report, const QString &periodLabel)
{
    const double w1 = r.width() * 0.5;
    s.box(QRectF(r.x(), r.y(), w1, r.height()), ReportPainter::tr("1. Incident Name:"), report.incident.title, 10);
    s.box(QRectF(r.x() + w1, r.y(), r.width() - w1, r.height()), periodLabel,
          ReportPainter::tr("From %1 %3  To %2 %3")
              .arg(report.dateTime(report.incident.declaredAt), report.dateTime(report.periodEnd()), report.zoneName()),
          8.5);
}

// ---- The organisation chart (ICS 207, and box 9 of ICS 201) ---------------------------------

struct ChartNode
{
    const IncidentRole *role = nullptr;
    QList<int> children; // indexes into the node list
    QList<int> staff;
};

void chartBox(Sheet &s, const QRectF &r, const IncidentRole &role, const IncidentReport &report, double scale)
{
    const bool vacant = role.isVacant();
    if (vacant && role.definition.required)
        s.fill(r, QColor(0xf3, 0xf3, 0xf3));
    s.frame(r, vacant && role.definition.required ? 1.4 : 0.8);
    const QString title = role.subTeam.isEmpty() ? role.definition.title
                                                 : QStringLiteral("%1 (%2)").arg(role.definition.title, role.subTeam);
    s.text(QRectF(r.x() + 2, r.y() + 1.5, r.width() - 4, r.height() / 2), title, Sheet::font(6.5 * scale, true),
           Qt::AlignHCenter | Qt::AlignTop);
    const QString who =
        vacant ? (role.definition.required ? ReportPainter::tr("VACANT (required)") : ReportPainter::tr("vacant"))
               : report.heldBy(role);
    s.text(QRectF(r.x() + 2, r.y() + r.height() / 2, r.width() - 4, r.height() / 2 - 1), who,
           Sheet::font(7.5 * scale, !vacant), Qt::AlignHCenter | Qt::AlignVCenter);
}

// The role tree: the top role centred, its staff roles beside it, the other roles in columns
// below (each column: a role and its descendants stacked under it).
void orgChart(Sheet &s, const QRectF &area, const IncidentReport &report, double preferredBoxH = 30,
              double preferredFont = 1.0)
{
    QList<ChartNode> nodes;
    QHash<QString, int> byKey;
    for (const IncidentRole &role : report.roles) {
        byKey.insert(role.definition.key, int(nodes.size()));
        nodes << ChartNode{&role, {}, {}};
    }
    QList<int> roots;
    for (int i = 0; i < nodes.size(); ++i) {
        const RoleDefinition &d = nodes.at(i).role->definition;
        const int parent = byKey.value(d.parentKey, -1);
        if (parent < 0)
            roots << i;
        else if (d.staff)
            nodes[parent].staff << i;
        else
            nodes[parent].children << i;
    }
    if (roots.isEmpty()) {
        s.text(area, ReportPainter::tr("No roles were set up for this incident."), Sheet::font(9));
        return;
    }
    // Several tops (a business tree next to the technical one): they share the top row.
    const int top = roots.constFirst();
    QList<int> columns = nodes.at(top).children;
    for (qsizetype i = 1; i < roots.size(); ++i)
        columns << roots.at(i);

    // Flatten each column: the column role, then its descendants depth-first (indented).
    QList<QList<QPair<int, int>>> stacks; // (node, depth)
    int tallest = 0;
    for (int c : std::as_const(columns)) {
        QList<QPair<int, int>> stack;
        std::function<void(int, int)> visit = [&](int n, int depth) {
            stack << qMakePair(n, depth);
            for (int st : nodes.at(n).staff)
                stack << qMakePair(st, depth + 1);
            for (int ch : nodes.at(n).children)
                visit(ch, depth + 1);
        };
        visit(c, 0);
        tallest = qMax(tallest, int(stack.size()));
        stacks << stack;
    }
    const int staffCount = int(nodes.at(top).staff.size());
    const int cols = qMax(1, int(columns.size()));
    const double gap = 8;
    double boxW = qMin(130.0 * preferredFont, (area.width() - gap * (cols - 1)) / cols);
    const double topRows = qMax(1, staffCount);
    double boxH = preferredBoxH;
    const double rowGap = 8;
    // Shrink to fit: the top block plus the tallest column.
    const double needed = (topRows) * (boxH + 4) + 14 + tallest * (boxH + rowGap);
    double fontScale = qMin(preferredFont, boxW / 90);
    if (needed > area.height()) {
        const double k = area.height() / needed;
        boxH *= k;
        fontScale = qMax(0.7, fontScale * k);
    }

    // The top role, with its staff to the right in a column.
    const double topW = qMin(160.0, area.width() / 3);
    const QRectF topRect(area.center().x() - topW / 2, area.y(), topW, boxH + 4);
    chartBox(s, topRect, *nodes.at(top).role, report, fontScale);
    const double staffX = topRect.right() + 36;
    const double staffBus = topRect.right() + 18;
    for (int i = 0; i < staffCount; ++i) {
        const QRectF r(staffX, area.y() + i * (boxH + 4), qMin(boxW + 10, area.right() - staffX), boxH);
        chartBox(s, r, *nodes.at(nodes.at(top).staff.at(i)).role, report, fontScale);
        s.line(QPointF(staffBus, r.center().y()), QPointF(r.left(), r.center().y()), 0.6);
        if (i == 0)
            s.line(QPointF(topRect.right(), r.center().y()), QPointF(staffBus, r.center().y()), 0.6);
        else
            s.line(QPointF(staffBus, area.y() + (boxH + 4) * (i - 1) + boxH / 2), QPointF(staffBus, r.center().y()),
                   0.6);
    }
    // The columns below, joined to the top by a bus line.
    const double busY = area.y() + topRows * (boxH + 4) + 6;
    const double columnsTop = busY + 8;
    const double totalW = cols * boxW + (cols - 1) * gap;
    const double x0 = area.center().x() - totalW / 2;
    if (!stacks.isEmpty()) {
        s.line(QPointF(topRect.center().x(), topRect.bottom()), QPointF(topRect.center().x(), busY), 0.6);
        s.line(QPointF(x0 + boxW / 2, busY), QPointF(x0 + (cols - 1) * (boxW + gap) + boxW / 2, busY), 0.6);
    }
    for (int c = 0; c < stacks.size(); ++c) {
        const double x = x0 + c * (boxW + gap);
        s.line(QPointF(x + boxW / 2, busY), QPointF(x + boxW / 2, columnsTop), 0.6);
        double y = columnsTop;
        int previousDepth = 0;
        for (const auto &[n, depth] : stacks.at(c)) {
            const double indent = qMin(depth, 2) * 8.0;
            if (y + boxH > area.bottom())
                break;
            const QRectF r(x + indent, y, boxW - indent, boxH);
            if (depth > 0) {
                // One unbroken spine down the column's left edge, a tick into each box.
                const double from = previousDepth > 0 ? y - rowGap - boxH / 2 : y - rowGap;
                s.line(QPointF(x + 3, from), QPointF(x + 3, r.center().y()), 0.5);
                s.line(QPointF(x + 3, r.center().y()), QPointF(r.left(), r.center().y()), 0.5);
            }
            previousDepth = depth;
            chartBox(s, r, *nodes.at(n).role, report, fontScale);
            y += boxH + rowGap;
        }
    }
}

// ---- The forms -------------------------------------------------------------------------------

QString situationText(const IncidentReport &r)
{
    QString text = r.incident.summary.isEmpty() ? ReportPainter::tr("(No summary written.)") : r.incident.summary;
    const QList<TimelineEntry> statusReports = r.entries({EntryKind::Status});
    if (!statusReports.isEmpty()) {
        const TimelineEntry &last = statusReports.constLast();
        text += ReportPainter::tr("\n\nLast status report (%1, %2): %3")
                    .arg(r.clock(last.occurredAt), last.author, last.text);
    }
    QStringList open;
    for (const IncidentAction &a : r.actions) {
        if (a.isOpen())
            open << QStringLiteral("• %1 — %2 (%3)")
                        .arg(a.text, a.ownerName.isEmpty() ? ReportPainter::tr("no owner") : a.ownerName,
                             ActionVocabulary::statusLabel(a.status).toLower());
    }
    if (!open.isEmpty())
        text += ReportPainter::tr("\n\nOpen actions:\n") + open.join(QLatin1Char('\n'));
    QStringList live;
    for (const Timer &t : r.timers) {
        if (t.isLive() && t.hasDeadline() && t.deadlineAt.isValid())
            live << QStringLiteral("• %1 — due %2").arg(t.label, r.clock(t.deadlineAt));
    }
    if (!live.isEmpty() && !r.incident.isResolved())
        text += ReportPainter::tr("\n\nCheck-ins and cadences:\n") + live.join(QLatin1Char('\n'));
    QStringList events;
    for (const TimelineEntry &e : r.keyEvents())
        events << QStringLiteral("%1  %2").arg(r.clock(e.occurredAt), e.text);
    if (!events.isEmpty())
        text += ReportPainter::tr("\n\nKey events so far:\n") + events.join(QLatin1Char('\n'));
    QStringList vacant;
    for (const IncidentRole &role : RoleSummary::vacantRequired(r.roles))
        vacant << role.definition.title;
    if (!vacant.isEmpty())
        text += ReportPainter::tr("\n\nRequired roles vacant: %1.").arg(vacant.join(QStringLiteral(", ")));
    return text;
}

void ics201(Sheet &s, const IncidentReport &r, PageTarget &target, int &page)
{
    const int pages = 3;
    const QRectF c = s.content();
    const QString ic = commanderName(r);
    const QRectF prepared(c.x(), c.bottom() - 30, c.width(), 30);

    // Page 1: who, when, the situation.
    chrome(s, ReportPainter::Form::Ics201, r, page, pages);
    const double w1 = c.width() * 0.5, w2 = c.width() * 0.18;
    s.box(QRectF(c.x(), c.y(), w1, 36), ReportPainter::tr("1. Incident Name:"), r.incident.title, 10);
    s.box(QRectF(c.x() + w1, c.y(), w2, 36), ReportPainter::tr("2. Incident Number:"),
          QStringLiteral("#%1").arg(r.incident.id), 10);
    s.box(QRectF(c.x() + w1 + w2, c.y(), c.width() - w1 - w2, 36), ReportPainter::tr("3. Date/Time Initiated:"),
          ReportPainter::tr("Date: %1\nTime: %2 %3")
              .arg(r.incident.declaredAt.toTimeZone(r.zone).toString(QStringLiteral("yyyy-MM-dd")),
                   r.clock(r.incident.declaredAt), r.zoneName()),
          9);
    const QRectF glance(c.x(), c.y() + 36, c.width(), 150);
    s.box(glance, ReportPainter::tr("4. Situation at a glance (in place of a map/sketch):"));
    const QStringList labels{
        ReportPainter::tr("Severity"),           ReportPainter::tr("Status"),   ReportPainter::tr("Kind"),
        ReportPainter::tr("Declared"),           ReportPainter::tr("Resolved"), ReportPainter::tr("Impact"),
        ReportPainter::tr("Incident Commander"), ReportPainter::tr("Roles"),    ReportPainter::tr("Postmortem")};
    const QStringList values{
        r.severityText(),
        IncidentVocabulary::statusLabel(r.incident.status),
        IncidentVocabulary::kindLabel(r.incident.kind),
        r.dateTime(r.incident.declaredAt) + QLatin1Char(' ') + r.zoneName(),
        r.incident.resolvedAt.isValid() ? r.dateTime(r.incident.resolvedAt) + QLatin1Char(' ') + r.zoneName()
                                        : ReportPainter::tr("still open"),
        r.impactText(),
        ic.isEmpty() ? ReportPainter::tr("VACANT") : ic,
        RoleSummary::chatTopic(r.roles),
        r.postmortem ? ReportPainter::tr("%1, due %2").arg(r.postmortem->owner, r.dateTime(r.postmortem->dueAt))
                     : ReportPainter::tr("owner not named yet")};
    double y = glance.y() + 14;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        s.text(QRectF(glance.x() + 8, y, 110, 14), labels.at(i) + QLatin1Char(':'), Sheet::font(8.5, true));
        s.text(QRectF(glance.x() + 120, y, glance.width() - 128, 14), values.at(i), Sheet::font(8.5));
        y += 14;
    }
    const QRectF situation(c.x(), glance.bottom(), c.width(), prepared.top() - glance.bottom());
    s.box(situation,
          ReportPainter::tr("5. Situation Summary and Health and Safety Briefing (for briefings or "
                            "transfer of command):"),
          situationText(r), 9);
    preparedBy(s, prepared, QStringLiteral("6"), ic, ReportPainter::tr("Incident Commander"), r);

    // Page 2: objectives and actions.
    target.newPage();
    ++page;
    chrome(s, ReportPainter::Form::Ics201, r, page, pages);
    identityRow(s, QRectF(c.x(), c.y(), c.width(), 32), r, ReportPainter::tr("Operational Period:"));
    QStringList objectives;
    for (const TimelineEntry &e : r.entries({EntryKind::Decision}))
        objectives << QStringLiteral("• %1  %2").arg(r.clock(e.occurredAt), e.text);
    for (const QString &item : r.followUps())
        objectives << QStringLiteral("☐ %1").arg(item);
    const QRectF objectivesBox(c.x(), c.y() + 32, c.width(), 170);
    s.box(objectivesBox, ReportPainter::tr("7. Current and Planned Objectives:"),
          objectives.isEmpty() ? ReportPainter::tr("(none recorded)") : objectives.join(QLatin1Char('\n')), 9);
    const QRectF actionsBox(c.x(), objectivesBox.bottom(), c.width(), prepared.top() - objectivesBox.bottom());
    const QRectF inner =
        s.box(actionsBox, ReportPainter::tr("8. Current and Planned Actions, Strategies, and Tactics:"));
    QList<QStringList> rows;
    // The tracked actions with their owner and status; without any, the actions logged on the timeline.
    const QList<EntryKind> kinds = r.actions.isEmpty() ? QList<EntryKind>{EntryKind::Action, EntryKind::Communication}
                                                       : QList<EntryKind>{EntryKind::Communication};
    for (const TimelineEntry &e : r.entries(kinds))
        rows << QStringList{r.clock(e.occurredAt), QStringLiteral("%1 (%2)").arg(e.text, e.author)};
    for (const IncidentAction &a : r.actions) {
        if (!a.followUp)
            rows << QStringList{r.clock(a.createdAt),
                                ReportPainter::tr("%1 — owner %2, %3")
                                    .arg(a.text, a.ownerName.isEmpty() ? ReportPainter::tr("none") : a.ownerName,
                                         ActionVocabulary::statusLabel(a.status).toLower())};
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const QStringList &a, const QStringList &b) { return a.first() < b.first(); });
    const QRectF tableArea = inner.adjusted(0, 2, 0, -14);
    const int drawn = s.table(tableArea, {0.12, 0.88}, {ReportPainter::tr("Time"), ReportPainter::tr("Actions")}, rows);
    if (drawn < rows.size())
        s.text(QRectF(inner.x(), inner.bottom() - 12, inner.width(), 12),
               ReportPainter::tr("… %n more in the ICS 214 activity log", nullptr, int(rows.size() - drawn)),
               Sheet::font(7.5));
    preparedBy(s, prepared, QStringLiteral("6"), ic, ReportPainter::tr("Incident Commander"), r);

    // Page 3: organisation and resources.
    target.newPage();
    ++page;
    chrome(s, ReportPainter::Form::Ics201, r, page, pages);
    identityRow(s, QRectF(c.x(), c.y(), c.width(), 32), r, ReportPainter::tr("Operational Period:"));
    const QRectF orgBox(c.x(), c.y() + 32, c.width(), 300);
    const QRectF orgInner =
        s.box(orgBox, ReportPainter::tr("9. Current Organization (fill in additional organization as appropriate):"));
    orgChart(s, orgInner.adjusted(4, 6, -4, -4), r);
    const QRectF resourcesBox(c.x(), orgBox.bottom(), c.width(), prepared.top() - orgBox.bottom());
    const QRectF resInner = s.box(resourcesBox, ReportPainter::tr("10. Resource Summary:"));
    QList<QStringList> resources;
    for (const Assignment &a : r.assignments) {
        QString notes;
        if (a.endReason == QLatin1String("handed-over"))
            notes = ReportPainter::tr("handed over %1").arg(r.clock(a.endedAt));
        else if (a.endedAt.isValid())
            notes = ReportPainter::tr("released %1").arg(r.clock(a.endedAt));
        resources << QStringList{a.roleTitle,         a.personName,        r.dateTime(a.startedAt),
                                 QStringLiteral("—"), QStringLiteral("✓"), notes};
    }
    const int shown = s.table(resInner.adjusted(0, 2, 0, -12), {0.22, 0.2, 0.2, 0.08, 0.08, 0.22},
                              {ReportPainter::tr("Resource"), ReportPainter::tr("Resource Identifier"),
                               ReportPainter::tr("Date/Time Ordered"), ReportPainter::tr("ETA"),
                               ReportPainter::tr("Arrived"), ReportPainter::tr("Notes (location/assignment/status)")},
                              resources);
    if (shown < resources.size())
        s.text(QRectF(resInner.x(), resInner.bottom() - 11, resInner.width(), 11),
               ReportPainter::tr("… %n more on the ICS 207 organisation chart", nullptr, int(resources.size() - shown)),
               Sheet::font(7.5));
    preparedBy(s, prepared, QStringLiteral("6"), ic, ReportPainter::tr("Incident Commander"), r);
}

void ics207(Sheet &s, const IncidentReport &r, int page)
{
    chrome(s, ReportPainter::Form::Ics207, r, page, 1);
    const QRectF c = s.content();
    identityRow(s, QRectF(c.x(), c.y(), c.width(), 32), r, ReportPainter::tr("2. Operational Period:"));
    const QRectF prepared(c.x(), c.bottom() - 30, c.width(), 30);
    const QRectF chart(c.x(), c.y() + 32, c.width(), prepared.top() - c.y() - 32);
    const QRectF inner = s.box(chart, ReportPainter::tr("3. Organization Chart"));
    orgChart(s, inner.adjusted(6, 10, -6, -20), r, 46, 1.25);
    s.text(QRectF(inner.x(), inner.bottom() - 14, inner.width(), 12),
           ReportPainter::tr("Holders as of %1 %2. Boxes drawn heavy and shaded: required roles left vacant.")
               .arg(r.dateTime(r.periodEnd()), r.zoneName()),
           Sheet::font(7));
    preparedBy(s, prepared, QStringLiteral("4"), commanderName(r), ReportPainter::tr("Incident Commander"), r);
}

void ics214(Sheet &s, const IncidentReport &r, PageTarget &target, int &page)
{
    const QRectF c = s.content();
    QString keeper = holderNames(r, QStringLiteral("scribe"));
    QString position = ReportPainter::tr("Scribe");
    if (keeper.isEmpty()) {
        keeper = commanderName(r);
        position = ReportPainter::tr("Incident Commander");
    }
    // Resources assigned: every stretch of every person.
    QList<QStringList> resources;
    for (const Assignment &a : r.assignments) {
        QString stretch =
            ReportPainter::tr("%1–%2").arg(r.clock(a.startedAt), a.endedAt.isValid() ? r.clock(a.endedAt) : QString());
        resources << QStringList{a.personName, a.roleTitle, stretch};
    }
    QList<QStringList> log;
    for (const TimelineEntry &e : r.timeline) {
        if (e.retracted)
            continue;
        QString text = QStringLiteral("[%1] %2 — %3").arg(EntryVocabulary::kindLabel(e.kind), e.text, e.author);
        if (e.revision > 0)
            text += ReportPainter::tr(" (amended)");
        log << QStringList{r.dateTime(e.occurredAt), text};
    }
    const QList<double> logCols{0.2, 0.8};
    const QList<double> resCols{0.35, 0.4, 0.25};

    // Lay out first: how many log rows fit on each page, so every page can say "of N".
    const double headerH = 32 + 28;
    const double preparedH = 30;
    const double resHead =
        14 + s.rowHeight({c.width() * 0.35, c.width() * 0.4, c.width() * 0.25}, {ReportPainter::tr("Name")}, 7.5);
    double resH = resHead;
    for (const QStringList &row : std::as_const(resources))
        resH += s.rowHeight({c.width() * 0.35, c.width() * 0.4, c.width() * 0.25}, row, 8);
    resH = qMin(resH + 4, 230.0);
    QList<double> logHeights;
    for (const QStringList &row : std::as_const(log))
        logHeights << s.rowHeight({(c.width() - 8) * 0.2, (c.width() - 8) * 0.8}, row, 8);
    const double logHead =
        14 + s.rowHeight({c.width() * 0.2, c.width() * 0.8}, {ReportPainter::tr("Date/Time")}, 7.5) + 4;
    QList<int> perPage;
    qsizetype next = 0;
    bool first = true;
    do {
        double avail = c.height() - headerH - preparedH - logHead - (first ? resH : 0);
        int count = 0;
        while (next < logHeights.size() && avail >= logHeights.at(next)) {
            avail -= logHeights.at(next);
            ++next;
            ++count;
        }
        if (count == 0 && next < logHeights.size()) { // a single huge entry: give it the page anyway
            ++next;
            count = 1;
        }
        perPage << count;
        first = false;
    } while (next < logHeights.size());
    const int pages = int(perPage.size());

    int row = 0;
    for (int p = 0; p < pages; ++p) {
        if (p > 0) {
            target.newPage();
            ++page;
        }
        chrome(s, ReportPainter::Form::Ics214, r, p + 1, pages);
        identityRow(s, QRectF(c.x(), c.y(), c.width(), 32), r, ReportPainter::tr("2. Operational Period:"));
        const double w = c.width() / 3;
        s.box(QRectF(c.x(), c.y() + 32, w, 28), ReportPainter::tr("3. Name:"), keeper, 9);
        s.box(QRectF(c.x() + w, c.y() + 32, w, 28), ReportPainter::tr("4. ICS Position:"), position, 9);
        s.box(QRectF(c.x() + 2 * w, c.y() + 32, w, 28), ReportPainter::tr("5. Home Agency (and Unit):"),
              ReportPainter::tr("Incident #%1 response team").arg(r.incident.id), 9);
        double y = c.y() + headerH;
        if (p == 0) {
            const QRectF resBox(c.x(), y, c.width(), resH);
            const QRectF inner = s.box(resBox, ReportPainter::tr("6. Resources Assigned:"));
            s.table(inner.adjusted(0, 2, 0, -2), resCols,
                    {ReportPainter::tr("Name"), ReportPainter::tr("ICS Position"),
                     ReportPainter::tr("Home Agency (and Unit) / time in role")},
                    resources, 0, 8);
            y += resH;
        }
        const QRectF logBox(c.x(), y, c.width(), c.bottom() - preparedH - y);
        const QRectF inner = s.box(logBox, p == 0 ? ReportPainter::tr("7. Activity Log:")
                                                  : ReportPainter::tr("7. Activity Log (continued):"));
        QList<QStringList> slice = log.mid(row, perPage.at(p));
        s.table(inner.adjusted(0, 2, 0, 0), logCols,
                {ReportPainter::tr("Date/Time (%1)").arg(r.zoneName()), ReportPainter::tr("Notable Activities")}, slice,
                0, 8);
        row += perPage.at(p);
        preparedBy(s, QRectF(c.x(), c.bottom() - preparedH, c.width(), preparedH), QStringLiteral("8"), keeper,
                   position, r);
    }
}

} // namespace

QString ReportPainter::formTitle(Form form)
{
    switch (form) {
    case Form::Ics201:
        return tr("ICS 201 Incident Briefing");
    case Form::Ics207:
        return tr("ICS 207 Incident Organization Chart");
    case Form::Ics214:
        return tr("ICS 214 Activity Log");
    case Form::Report:
        break;
    }
    return tr("Incident report");
}

int ReportPainter::paint(Form form, const IncidentReport &report, PageTarget &target)
{
    // The draft without the full timeline: on paper every entry is the ICS 214 activity log, and
    // laying out a table of thousands of rows as rich text takes minutes.
    if (form == Form::Report)
        return paintDocument(report.postmortemDraft(), report, target);
    QPainter painter;
    if (!painter.begin(target.device()))
        return 0;
    painter.setRenderHint(QPainter::Antialiasing);
    Sheet sheet(painter, target.device());
    int page = 1;
    switch (form) {
    case Form::Ics201:
        ics201(sheet, report, target, page);
        break;
    case Form::Ics207:
        ics207(sheet, report, page);
        break;
    case Form::Ics214:
        ics214(sheet, report, target, page);
        break;
    case Form::Report:
        break;
    }
    painter.end();
    return page;
}

int ReportPainter::paintDocument(const ReportDocument &document, const IncidentReport &report, PageTarget &target)
{
    QPainter painter;
    if (!painter.begin(target.device()))
        return 0;
    painter.setRenderHint(QPainter::Antialiasing);
    Sheet sheet(painter, target.device());
    const QRectF area = sheet.px(sheet.content());

    QTextDocument text;
    text.documentLayout()->setPaintDevice(target.device());
    text.setDefaultFont(Sheet::font(9.5));
    text.setDocumentMargin(0);
    text.setDefaultStyleSheet(QStringLiteral("th { background-color: #e6e6e6; } h2 { margin-top: 14px; }"));
    // QTextDocument reads the HTML's tables with cell borders; its own CSS subset ignores the rest.
    QString html = ReportRenderer::html(document);
    html.replace(QStringLiteral("<table>"),
                 QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                "style=\"border-collapse: collapse; border-color: #888;\">"));
    html.replace(QStringLiteral("<table class=\"fields\">"),
                 QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                "style=\"border-collapse: collapse; border-color: #888;\">"));
    text.setHtml(html);
    text.setPageSize(area.size());
    const int pages = text.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            target.newPage();
        chrome(sheet, Form::Report, report, i + 1, pages);
        painter.save();
        painter.translate(area.topLeft());
        painter.translate(0, -i * area.height());
        const QRectF clip(0, i * area.height(), area.width(), area.height());
        painter.setClipRect(clip);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = clip;
        context.palette.setColor(QPalette::Text, Qt::black);
        text.documentLayout()->draw(&painter, context);
        painter.restore();
    }
    painter.end();
    return pages;
}

} // namespace cp
