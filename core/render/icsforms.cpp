#include "icsforms.h"

#include "domain/icsposition.h"
#include "domain/rolesummary.h"
#include "formflow.h"

#include <QHash>

#include <functional>

namespace cp {

using namespace paper;
using Form = ReportPainter::Form;

namespace {

constexpr double PreparedH = 30; // the "Prepared by" box at every page's foot

QString formCode(Form form)
{
    switch (form) {
    case Form::Ics201:
        return QStringLiteral("ICS 201");
    case Form::Ics207:
        return QStringLiteral("ICS 207");
    case Form::Ics214:
        return QStringLiteral("ICS 214");
    case Form::Report:
        break;
    }
    return QString();
}

QString formHeading(Form form)
{
    switch (form) {
    case Form::Ics201:
        return IcsForms::tr("INCIDENT BRIEFING");
    case Form::Ics207:
        return IcsForms::tr("INCIDENT ORGANIZATION CHART");
    case Form::Ics214:
        return IcsForms::tr("ACTIVITY LOG");
    case Form::Report:
        break;
    }
    return IcsForms::tr("POSTMORTEM DRAFT");
}

QString periodText(const IncidentReport &r)
{
    return IcsForms::tr("%1 – %2 %3").arg(r.dateTime(r.incident.declaredAt), r.dateTime(r.periodEnd()), r.zoneName());
}

QString day(const IncidentReport &r, const QDateTime &utc)
{
    return utc.toTimeZone(r.zone).toString(QStringLiteral("yyyy-MM-dd"));
}

QString hhmm(const IncidentReport &r, const QDateTime &utc) // the forms' 24-hour "HHMM"
{
    return utc.toTimeZone(r.zone).toString(QStringLiteral("HHmm"));
}

// ---- who fills the form -------------------------------------------------------------------

struct Signer
{
    QString name;
    QString position; // as the form prints it: "Scribe (stands in for Documentation Unit Leader)"
    qint64 personId = 0;
};

std::optional<Signer> holderOf(const IncidentReport &r, const QStringList &roleKeys)
{
    for (const QString &key : roleKeys) {
        for (const IncidentRole &role : r.roles) {
            if (role.definition.key == key && !role.holders.isEmpty())
                return Signer{r.heldBy(role), IcsPosition::describe(key, role.definition.title),
                              role.holders.constFirst().personId};
        }
    }
    return std::nullopt;
}

// The Incident Commander, or whoever holds the top role of the tree; blank for hand-filling.
Signer commander(const IncidentReport &r)
{
    if (auto ic =
            holderOf(r, {QStringLiteral("ic"), QStringLiteral("incident-manager"), QStringLiteral("business-lead")}))
        return *ic;
    for (const IncidentRole &role : r.roles) {
        if (role.definition.parentKey.isEmpty() && !role.holders.isEmpty())
            return Signer{r.heldBy(role), IcsPosition::describe(role.definition.key, role.definition.title),
                          role.holders.constFirst().personId};
    }
    return Signer{};
}

// The keeper of the records (the Scribe), else the commander.
Signer keeper(const IncidentReport &r)
{
    if (auto scribe = holderOf(r, {QStringLiteral("scribe")}))
        return *scribe;
    return commander(r);
}

// ---- the blocks every page repeats --------------------------------------------------------

void preparedBy(Sheet &s, const QRectF &r, const QString &number, const Signer &signer, const IncidentReport &report)
{
    s.box(r, IcsForms::tr("%1. Prepared by:").arg(number));
    const double y = r.y() + 13;
    const double w = r.width();
    const QFont f = Sheet::font(7);
    s.text(QRectF(r.x() + Pad, y, w * 0.2 - Pad, 14),
           s.elided(IcsForms::tr("Name: %1").arg(signer.name), f, w * 0.2 - Pad), f);
    s.text(QRectF(r.x() + w * 0.2, y, w * 0.46, 14),
           s.elided(IcsForms::tr("Position/Title: %1").arg(signer.position), f, w * 0.46 - Pad), f);
    s.text(QRectF(r.x() + w * 0.66, y, w * 0.14, 14), IcsForms::tr("Signature:"), f);
    s.line(QPointF(r.x() + w * 0.66 + 36, y + 9), QPointF(r.x() + w * 0.8 - 6, y + 9), 0.5);
    s.text(QRectF(r.x() + w * 0.8, y, w * 0.2 - Pad, 14),
           IcsForms::tr("Date/Time: %1").arg(report.dateTime(report.generatedAt)), f);
}

// Blocks 1–3 of every ICS 201 page.
double briefingHead(Sheet &s, const QRectF &c, const IncidentReport &r)
{
    const double h = 36;
    const double w1 = c.width() * 0.46, w2 = c.width() * 0.24;
    s.box(QRectF(c.x(), c.y(), w1, h), IcsForms::tr("1. Incident Name:"), r.incident.title, 9.5);
    s.box(QRectF(c.x() + w1, c.y(), w2, h), IcsForms::tr("2. Incident Number:"), r.incident.number(), 9);
    s.box(QRectF(c.x() + w1 + w2, c.y(), c.width() - w1 - w2, h), IcsForms::tr("3. Date/Time Initiated:"),
          IcsForms::tr("Date: %1  Time: %2 %3")
              .arg(day(r, r.incident.declaredAt), hhmm(r, r.incident.declaredAt), r.zoneName()),
          8.5);
    return h;
}

// Blocks 1 and 2 of the ICS 207 and 214: the incident and its operational period.
double periodHead(Sheet &s, const QRectF &c, const IncidentReport &r)
{
    const double h = 36;
    const double w1 = c.width() * 0.46;
    s.box(QRectF(c.x(), c.y(), w1, h), IcsForms::tr("1. Incident Name:"), r.incident.title, 9.5);
    const QDateTime from = r.incident.declaredAt, to = r.periodEnd();
    s.box(QRectF(c.x() + w1, c.y(), c.width() - w1, h), IcsForms::tr("2. Operational Period:"),
          IcsForms::tr("Date From: %1   Date To: %2\nTime From: %3   Time To: %4 (%5)")
              .arg(day(r, from), day(r, to), hhmm(r, from), hhmm(r, to), r.zoneName()),
          8);
    return h;
}

// ---- the organisation chart (ICS 207 block 3, ICS 201 block 9) ------------------------------

struct ChartCard
{
    const IncidentRole *role = nullptr;
    QRectF rect;
    QStringList title;
    QString standsIn;
    QStringList names;
    int hidden = 0; // holders not shown: listed on the continuation
};

struct ChartPlan
{
    QList<ChartCard> cards;
    QList<QLineF> lines;
    QList<QStringList> overflow; // Position | Name | Home Agency | Since, for the continuation
    int rolesLeftOut = 0;
};

class OrgChart
{
public:
    OrgChart(const Sheet &sheet, const IncidentReport &report) : m_s(sheet), m_r(report) {}

    ChartPlan plan(const QRectF &area) const
    {
        QList<Node> nodes;
        QHash<QString, int> byKey;
        for (const IncidentRole &role : m_r.roles) {
            byKey.insert(role.definition.key, int(nodes.size()));
            nodes << Node{&role, {}, {}};
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
        if (roots.isEmpty())
            return {};
        const int top = roots.constFirst();
        QList<int> columns = nodes.at(top).children;
        for (qsizetype i = 1; i < roots.size(); ++i)
            columns << roots.at(i);
        QList<QList<QPair<int, int>>> stacks; // per column: (node, depth)
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
            stacks << stack;
        }
        int most = 1;
        for (const Node &n : std::as_const(nodes))
            most = qMax(most, int(n.role->holders.size()));
        // Show as many names per card as the page allows; the rest continue on the next page.
        for (int cap = most;; cap = cap > 12 ? cap * 2 / 3 : cap - 1) {
            ChartPlan p = place(area, nodes, top, stacks, qMax(1, cap));
            if (p.rolesLeftOut == 0 || cap <= 1)
                return p;
        }
    }

    void draw(Sheet &s, const ChartPlan &plan, int continuedOn) const
    {
        for (const QLineF &l : plan.lines)
            s.line(l.p1(), l.p2(), 0.6);
        for (const ChartCard &card : plan.cards) {
            const bool vacantRequired = card.role->isVacantRequired();
            if (vacantRequired)
                s.fill(card.rect, QColor(0xf3, 0xf3, 0xf3));
            s.frame(card.rect, vacantRequired ? 1.4 : 0.8);
            QRectF r = card.rect.adjusted(2, 2, -2, -2);
            s.drawLines(r, card.title, titleFont(), Qt::AlignHCenter);
            r.setTop(r.top() + card.title.size() * m_s.lineHeight(titleFont()));
            if (!card.standsIn.isEmpty()) {
                s.drawLines(r, {card.standsIn}, noteFont(), Qt::AlignHCenter);
                r.setTop(r.top() + m_s.lineHeight(noteFont()));
            }
            QStringList names = card.names;
            if (card.hidden > 0)
                names << (continuedOn > 0 ? IcsForms::tr("+ %1 more: page %2").arg(card.hidden).arg(continuedOn)
                                          : IcsForms::tr("+ %1 more").arg(card.hidden));
            s.drawLines(r, names, nameFont(card.role->isVacant()), Qt::AlignHCenter);
        }
    }

private:
    struct Node
    {
        const IncidentRole *role = nullptr;
        QList<int> children;
        QList<int> staff;
    };

    static QFont titleFont() { return Sheet::font(6.5, true); }
    static QFont noteFont() { return Sheet::font(5.5); }
    static QFont nameFont(bool vacant) { return Sheet::font(7, !vacant); }

    ChartCard card(const IncidentRole &role, double width, int cap) const
    {
        ChartCard c;
        c.role = &role;
        const QString title = role.subTeam.isEmpty()
                                  ? role.definition.title
                                  : QStringLiteral("%1 (%2)").arg(role.definition.title, role.subTeam);
        c.title = m_s.lines(title, titleFont(), width - 4);
        const QString position = IcsPosition::forRole(role.definition.key);
        if (!position.isEmpty() && position.compare(role.definition.title, Qt::CaseInsensitive) != 0)
            c.standsIn = m_s.elided(IcsForms::tr("as %1").arg(position), noteFont(), width - 4);
        if (role.isVacant()) {
            c.names << (role.definition.required ? IcsForms::tr("VACANT (required)") : IcsForms::tr("vacant"));
        } else {
            const int shown = int(role.holders.size()) <= cap ? int(role.holders.size()) : qMax(0, cap - 1);
            for (int i = 0; i < shown; ++i)
                c.names << m_s.elided(role.holders.at(i).name, nameFont(false), width - 4);
            c.hidden = int(role.holders.size()) - shown;
        }
        return c;
    }

    double height(const ChartCard &c) const
    {
        return 4 + c.title.size() * m_s.lineHeight(titleFont()) +
               (c.standsIn.isEmpty() ? 0 : m_s.lineHeight(noteFont())) +
               (c.names.size() + (c.hidden > 0 ? 1 : 0)) * m_s.lineHeight(nameFont(false));
    }

    void leaveOut(ChartPlan &p, const IncidentRole &role, int fromHolder) const
    {
        const QString position = IcsPosition::describe(role.definition.key, role.definition.title);
        if (role.holders.isEmpty() && fromHolder == 0)
            p.overflow << QStringList{
                position, role.definition.required ? IcsForms::tr("VACANT (required)") : IcsForms::tr("vacant"),
                QString(), QString()};
        for (qsizetype i = fromHolder; i < role.holders.size(); ++i) {
            const RoleHolder &h = role.holders.at(i);
            p.overflow << QStringList{position, h.name, m_r.homeAgency(h.personId), m_r.dateTime(h.since)};
        }
    }

    ChartPlan place(const QRectF &area, const QList<Node> &nodes, int top, const QList<QList<QPair<int, int>>> &stacks,
                    int cap) const
    {
        ChartPlan p;
        const double gap = 8, rowGap = 6, minW = 92;
        const int cols = int(stacks.size());
        const int perTier = qMax(1, qMin(cols, int((area.width() + gap) / (minW + gap))));
        const double boxW = qMin(150.0, (area.width() - gap * (perTier - 1)) / perTier);
        auto add = [&](const IncidentRole &role, const QRectF &rect, ChartCard c) {
            c.rect = rect;
            p.cards << c;
            leaveOut(p, role, int(role.holders.size()) - c.hidden);
        };

        // The top role centred, its staff roles stacked to its right.
        const double topW = qMin(170.0, area.width() / 3);
        ChartCard topCard = card(*nodes.at(top).role, topW, cap);
        const QRectF topRect(area.center().x() - topW / 2, area.y(), topW, height(topCard));
        add(*nodes.at(top).role, topRect, topCard);
        const double staffX = topRect.right() + 30, staffBus = topRect.right() + 15;
        const double staffW = qMin(boxW + 10, area.right() - staffX);
        double y = area.y();
        double lastStaffMid = -1;
        for (int st : nodes.at(top).staff) {
            ChartCard c = card(*nodes.at(st).role, staffW, cap);
            const QRectF r(staffX, y, staffW, height(c));
            if (r.bottom() > area.bottom()) {
                leaveOut(p, *nodes.at(st).role, 0);
                ++p.rolesLeftOut;
                continue;
            }
            add(*nodes.at(st).role, r, c);
            p.lines << QLineF(staffBus, r.center().y(), r.left(), r.center().y());
            p.lines << (lastStaffMid < 0 ? QLineF(topRect.right(), r.center().y(), staffBus, r.center().y())
                                         : QLineF(staffBus, lastStaffMid, staffBus, r.center().y()));
            lastStaffMid = r.center().y();
            y = r.bottom() + 4;
        }
        y = qMax(y, topRect.bottom() + 4);

        // The columns below, in tiers of as many as fit across, each tier joined by a bus line.
        double tierTop = y;
        double above = topRect.bottom();
        for (int first = 0; first < cols; first += perTier) {
            const int count = qMin(perTier, cols - first);
            const double busY = tierTop + 6, columnsTop = busY + 8;
            const double x0 = area.center().x() - (count * boxW + (count - 1) * gap) / 2;
            p.lines << QLineF(topRect.center().x(), above, topRect.center().x(), busY);
            p.lines << QLineF(x0 + boxW / 2, busY, x0 + (count - 1) * (boxW + gap) + boxW / 2, busY);
            double tierBottom = columnsTop;
            for (int c = 0; c < count; ++c) {
                const double x = x0 + c * (boxW + gap);
                p.lines << QLineF(x + boxW / 2, busY, x + boxW / 2, columnsTop);
                double cy = columnsTop;
                double spineFrom = -1;
                for (const auto &[n, depth] : stacks.at(first + c)) {
                    const double indent = qMin(depth, 2) * 8.0;
                    ChartCard cardN = card(*nodes.at(n).role, boxW - indent, cap);
                    const QRectF r(x + indent, cy, boxW - indent, height(cardN));
                    if (r.bottom() > area.bottom()) {
                        leaveOut(p, *nodes.at(n).role, 0);
                        ++p.rolesLeftOut;
                        continue;
                    }
                    if (depth > 0) {
                        p.lines << QLineF(x + 3, spineFrom < 0 ? cy - rowGap : spineFrom, x + 3, r.center().y());
                        p.lines << QLineF(x + 3, r.center().y(), r.left(), r.center().y());
                        spineFrom = r.center().y();
                    }
                    add(*nodes.at(n).role, r, cardN);
                    cy = r.bottom() + rowGap;
                }
                tierBottom = qMax(tierBottom, cy);
            }
            above = busY;
            tierTop = tierBottom;
        }
        return p;
    }

    const Sheet &m_s;
    const IncidentReport &m_r;
};

// ---- one form: its head, its flowing boxes, its foot ----------------------------------------

struct FormPages
{
    Form form;
    std::function<double(Sheet &, const QRectF &)> head; // paints the blocks every page repeats
    double headHeight = 36;
    QString preparedNumber;
    Signer signer;
    // The flowing boxes, given the flow area (the same on every page).
    std::function<QList<FlowBox>(const Sheet &, const QRectF &)> boxes;
};

int paintForm(const FormPages &form, const IncidentReport &r, PageTarget &target)
{
    QPainter painter;
    if (!painter.begin(target.device()))
        return 0;
    painter.setRenderHint(QPainter::Antialiasing);
    Sheet s(painter, target.device());
    const QRectF c = s.content();
    const QRectF area(c.x(), c.y() + form.headHeight, c.width(), c.height() - form.headHeight - PreparedH);
    const FormFlow flow(s, area, form.boxes(s, area));
    const QList<FlowPage> pages = flow.layout();
    for (int i = 0; i < pages.size(); ++i) {
        if (i > 0)
            target.newPage();
        IcsForms::chrome(s, form.form, r, i + 1, int(pages.size()));
        form.head(s, c);
        for (const PlacedBox &placed : pages.at(i).boxes)
            flow.paint(s, placed);
        preparedBy(s, QRectF(c.x(), c.bottom() - PreparedH, c.width(), PreparedH), form.preparedNumber, form.signer, r);
    }
    painter.end();
    return int(pages.size());
}

// The organisation chart as a box that takes a whole page, and the box it continues into.
QList<FlowBox> chartBoxes(const Sheet &s, const QRectF &area, const IncidentReport &r, const QString &label, int index)
{
    const auto chart = std::make_shared<OrgChart>(s, r);
    FlowBox box;
    box.label = label;
    box.startsPage = true;
    box.fixedHeight = area.height();
    const QRectF inner = FormFlow::inner(QRectF(area.x(), area.y(), area.width(), area.height()));
    const auto plan = std::make_shared<ChartPlan>(chart->plan(inner.adjusted(6, 6, -6, -14)));
    box.draw = [chart, plan, &r](Sheet &sheet, const QRectF &in, int continuedOn) {
        if (plan->cards.isEmpty()) {
            sheet.text(in.adjusted(4, 4, -4, -4), IcsForms::tr("No roles were set up for this incident."),
                       Sheet::font(9));
            return;
        }
        chart->draw(sheet, *plan, continuedOn);
        sheet.text(QRectF(in.x(), in.bottom() - 10, in.width() * 0.7, 10),
                   IcsForms::tr("Holders as of %1 %2. Heavy shaded boxes: required roles left vacant.")
                       .arg(r.dateTime(r.periodEnd()), r.zoneName()),
                   Sheet::font(6));
    };
    box.continuesInto = index + 1;
    FlowBox rest;
    rest.label = label;
    rest.columns = {0.4, 0.22, 0.22, 0.16};
    rest.header = QStringList{IcsForms::tr("Position"), IcsForms::tr("Name"), IcsForms::tr("Home Agency (and Unit)"),
                              IcsForms::tr("Since")};
    rest.rows = plan->overflow;
    rest.points = 8;
    return {box, rest};
}

// ---- ICS 201 ----------------------------------------------------------------------------------

QString situationSummary(const IncidentReport &r)
{
    QString text = r.incident.summary.isEmpty() ? IcsForms::tr("(No summary written.)") : r.incident.summary;
    const QList<TimelineEntry> statusReports = r.entries({EntryKind::Status});
    if (!statusReports.isEmpty()) {
        const TimelineEntry &last = statusReports.constLast();
        text +=
            IcsForms::tr("\n\nLast status report (%1, %2): %3").arg(r.clock(last.occurredAt), last.author, last.text);
    }
    QStringList events;
    for (const TimelineEntry &e : r.keyEvents())
        events << QStringLiteral("%1  %2").arg(r.clock(e.occurredAt), e.text);
    if (!events.isEmpty())
        text += IcsForms::tr("\n\nKey events so far:\n") + events.join(QLatin1Char('\n'));
    QStringList vacant;
    for (const IncidentRole &role : RoleSummary::vacantRequired(r.roles))
        vacant << role.definition.title;
    if (!vacant.isEmpty())
        text += IcsForms::tr("\n\nRequired roles vacant: %1.").arg(vacant.join(QStringLiteral(", ")));
    text += IcsForms::tr("\n\nHealth and safety (responder fatigue, shift hand-overs):");
    return text;
}

QList<FlowBox> briefingBoxes(const Sheet &s, const QRectF &area, const IncidentReport &r)
{
    QList<FlowBox> boxes;
    // Page 1. A software incident has no map: block 4 holds the situation at a glance.
    FlowBox glance;
    glance.label = IcsForms::tr("4. Map/Sketch (for this incident: the situation at a glance):");
    glance.columns = {0.24, 0.76};
    const QString ic = commander(r).name;
    glance.rows = {
        {IcsForms::tr("Severity"), r.severityText()},
        {IcsForms::tr("Status"), IncidentVocabulary::statusLabel(r.incident.status)},
        {IcsForms::tr("Kind"), IncidentVocabulary::kindLabel(r.incident.kind)},
        {IcsForms::tr("Declared"), r.dateTime(r.incident.declaredAt) + QLatin1Char(' ') + r.zoneName()},
        {IcsForms::tr("Resolved"), r.incident.resolvedAt.isValid()
                                       ? r.dateTime(r.incident.resolvedAt) + QLatin1Char(' ') + r.zoneName()
                                       : IcsForms::tr("still open")},
        {IcsForms::tr("Impact"), r.impactText()},
        {IcsForms::tr("Incident Commander"), ic.isEmpty() ? IcsForms::tr("VACANT") : ic},
        {IcsForms::tr("Roles"), RoleSummary::chatTopic(r.roles)},
    };
    glance.points = 8;
    boxes << glance;
    FlowBox situation;
    situation.label = IcsForms::tr("5. Situation Summary and Health and Safety Briefing (for briefings or transfer of "
                                   "command):");
    for (const QString &paragraph : situationSummary(r).split(QLatin1Char('\n')))
        situation.rows << QStringList{paragraph};
    situation.fillsPage = true;
    situation.points = 8.5;
    boxes << situation;

    // Page 2. Objectives are what the team logged as such (#objective); the rest is for hand-filling.
    FlowBox objectives;
    objectives.label = IcsForms::tr("7. Current and Planned Objectives:");
    objectives.startsPage = true;
    for (const TimelineEntry &e : r.timeline) {
        if (!e.retracted && e.tags.contains(QStringLiteral("objective"), Qt::CaseInsensitive))
            objectives.rows << QStringList{QStringLiteral("• %1").arg(e.text)};
    }
    objectives.minHeight = 120;
    boxes << objectives;
    FlowBox actions;
    actions.label = IcsForms::tr("8. Current and Planned Actions, Strategies, and Tactics:");
    actions.columns = {0.12, 0.88};
    actions.header = QStringList{IcsForms::tr("Time"), IcsForms::tr("Actions")};
    QList<QPair<QDateTime, QString>> rows;
    const QList<EntryKind> kinds = r.actions.isEmpty() ? QList<EntryKind>{EntryKind::Action, EntryKind::Communication}
                                                       : QList<EntryKind>{EntryKind::Communication};
    for (const TimelineEntry &e : r.entries(kinds))
        rows << qMakePair(e.occurredAt, QStringLiteral("%1 (%2)").arg(e.text, e.author));
    for (const IncidentAction &a : r.actions) {
        if (!a.followUp)
            rows << qMakePair(a.createdAt, IcsForms::tr("%1 — owner %2, %3")
                                               .arg(a.text, a.ownerName.isEmpty() ? IcsForms::tr("none") : a.ownerName,
                                                    ActionVocabulary::statusLabel(a.status).toLower()));
    }
    for (const Decision &d : r.decisions) {
        if (d.outcome == DecisionOutcome::Adopted)
            rows << qMakePair(d.decidedAt, IcsForms::tr("Strategy decided: %1 (%2)").arg(d.proposal, d.decidedBy));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[at, text] : std::as_const(rows))
        actions.rows << QStringList{hhmm(r, at), text};
    actions.fillsPage = true;
    actions.points = 8;
    boxes << actions;

    // Page 3: the organisation; page 4: the resources.
    boxes << chartBoxes(s, area, r,
                        IcsForms::tr("9. Current Organization (fill in additional organization as appropriate):"),
                        int(boxes.size()));
    FlowBox resources;
    resources.label = IcsForms::tr("10. Resource Summary:");
    resources.startsPage = true;
    resources.fillsPage = true;
    resources.columns = {0.31, 0.15, 0.13, 0.06, 0.07, 0.28};
    resources.header =
        QStringList{IcsForms::tr("Resource"),          IcsForms::tr("Resource Identifier"),
                    IcsForms::tr("Date/Time Ordered"), IcsForms::tr("ETA"),
                    IcsForms::tr("Arrived"),           IcsForms::tr("Notes (location/assignment/status)")};
    for (const Assignment &a : r.assignments) {
        QStringList notes{r.homeAgency(a.personId)};
        if (a.endReason == QLatin1String("handed-over"))
            notes << IcsForms::tr("handed over %1").arg(r.clock(a.endedAt));
        else if (a.endedAt.isValid())
            notes << IcsForms::tr("released %1").arg(r.clock(a.endedAt));
        else
            notes << IcsForms::tr("on the call");
        notes.removeAll(QString());
        resources.rows << QStringList{IcsPosition::describe(a.roleKey, a.roleTitle),
                                      a.personName,
                                      r.dateTime(a.startedAt),
                                      QString(),
                                      IcsForms::tr("X"),
                                      notes.join(QStringLiteral("; "))};
    }
    resources.points = 7.5;
    boxes << resources;
    return boxes;
}

// ---- ICS 214 ----------------------------------------------------------------------------------

QList<FlowBox> activityLogBoxes(const IncidentReport &r)
{
    FlowBox resources;
    resources.label = IcsForms::tr("6. Resources Assigned:");
    resources.columns = {0.28, 0.44, 0.28};
    resources.header =
        QStringList{IcsForms::tr("Name"), IcsForms::tr("ICS Position"), IcsForms::tr("Home Agency (and Unit)")};
    for (const Assignment &a : r.assignments) {
        const QString stretch =
            IcsForms::tr("%1 %2–%3")
                .arg(day(r, a.startedAt), r.clock(a.startedAt), a.endedAt.isValid() ? r.clock(a.endedAt) : QString());
        resources.rows << QStringList{
            a.personName, IcsForms::tr("%1, %2").arg(IcsPosition::describe(a.roleKey, a.roleTitle), stretch),
            r.homeAgency(a.personId)};
    }
    resources.emptyText = IcsForms::tr("(nobody was assigned a role)");
    resources.points = 7.5;
    FlowBox log;
    log.label = IcsForms::tr("7. Activity Log:");
    log.columns = {0.2, 0.8};
    log.header = QStringList{IcsForms::tr("Date/Time (%1)").arg(r.zoneName()), IcsForms::tr("Notable Activities")};
    for (const TimelineEntry &e : r.timeline) {
        if (e.retracted)
            continue;
        QString text = QStringLiteral("[%1] %2 — %3").arg(EntryVocabulary::kindLabel(e.kind), e.text, e.author);
        if (e.revision > 0)
            text += IcsForms::tr(" (amended)");
        log.rows << QStringList{r.dateTime(e.occurredAt), text};
    }
    log.fillsPage = true;
    log.points = 8;
    return {resources, log};
}

} // namespace

void IcsForms::chrome(Sheet &s, Form form, const IncidentReport &r, int page, int pages)
{
    const QSizeF size = s.page();
    const QRectF bar(Margin, Margin, size.width() - 2 * Margin, TitleH);
    s.fill(bar, Sheet::shade());
    s.frame(bar, 1.2);
    const QString code = formCode(form);
    if (!code.isEmpty())
        s.text(bar.adjusted(Pad + 2, 0, 0, 0), code, Sheet::font(12, true), Qt::AlignLeft | Qt::AlignVCenter);
    s.text(bar, formHeading(form), Sheet::font(12, true), Qt::AlignHCenter | Qt::AlignVCenter);
    s.text(bar.adjusted(0, 0, -Pad - 2, 0), tr("CommandPost"), Sheet::font(7), Qt::AlignRight | Qt::AlignVCenter);

    const double y = size.height() - Margin - FooterH;
    s.line(QPointF(Margin, y), QPointF(size.width() - Margin, y), 0.6);
    const QRectF foot(Margin, y + 2, size.width() - 2 * Margin, FooterH - 2);
    const QString left = code.isEmpty() ? r.incident.title : QStringLiteral("%1 · %2").arg(code, r.incident.title);
    const QRectF leftRect(foot.x(), foot.y(), foot.width() * 0.3, foot.height());
    s.text(leftRect, s.elided(left, Sheet::font(7), leftRect.width()), Sheet::font(7),
           Qt::AlignLeft | Qt::AlignVCenter);
    s.text(foot.adjusted(foot.width() * 0.3, 0, -foot.width() * 0.3, 0), tr("Operational period %1").arg(periodText(r)),
           Sheet::font(6.5), Qt::AlignHCenter | Qt::AlignVCenter);
    const QString number = form == Form::Ics207 ? tr("IAP Page ____   Page %1 of %2") : tr("Page %1 of %2");
    s.text(foot, (code.isEmpty() ? QString() : code + QStringLiteral(", ")) + number.arg(page).arg(pages),
           Sheet::font(7, true), Qt::AlignRight | Qt::AlignVCenter);
}

int IcsForms::paint(Form form, const IncidentReport &r, PageTarget &target)
{
    FormPages pages;
    pages.form = form;
    switch (form) {
    case Form::Ics201:
        pages.head = [&r](Sheet &s, const QRectF &c) { return briefingHead(s, c, r); };
        pages.preparedNumber = QStringLiteral("6");
        pages.signer = commander(r);
        pages.boxes = [&r](const Sheet &s, const QRectF &area) { return briefingBoxes(s, area, r); };
        break;
    case Form::Ics207:
        pages.head = [&r](Sheet &s, const QRectF &c) { return periodHead(s, c, r); };
        pages.preparedNumber = QStringLiteral("4");
        pages.signer = keeper(r);
        pages.boxes = [&r](const Sheet &s, const QRectF &area) {
            return chartBoxes(s, area, r, tr("3. Organization Chart"), 0);
        };
        break;
    case Form::Ics214: {
        const Signer inCharge = commander(r);
        const Signer keeps = keeper(r);
        pages.headHeight = 36 + 28;
        pages.head = [&r, inCharge, keeps](Sheet &s, const QRectF &c) {
            periodHead(s, c, r);
            const double w = c.width() / 3, y = c.y() + 36;
            s.box(QRectF(c.x(), y, w, 28), tr("3. Name:"), tr("Incident Command (every role)"), 8.5);
            s.box(QRectF(c.x() + w, y, w, 28), tr("4. ICS Position:"),
                  inCharge.name.isEmpty() ? QString() : tr("%1, %2").arg(inCharge.name, inCharge.position), 7.5);
            s.box(QRectF(c.x() + 2 * w, y, w, 28), tr("5. Home Agency (and Unit):"), r.homeAgency(keeps.personId), 8.5);
            return 64.0;
        };
        pages.preparedNumber = QStringLiteral("8");
        pages.signer = keeps;
        pages.boxes = [&r](const Sheet &, const QRectF &) { return activityLogBoxes(r); };
        break;
    }
    case Form::Report:
        return 0;
    }
    return paintForm(pages, r, target);
}

} // namespace cp
