#include "db/incidentstore.h"
#include "exchange/incidentjson.h"
#include "exchange/incidentreport.h"
#include "fakeclock.h"
#include "render/formflow.h"
#include "render/incidentexport.h"
#include "render/reportpainter.h"
#include "sampleincident.h"
#include "tempdatabase.h"

#include <QBuffer>
#include <QPaintEngine>
#include <QSignalSpy>
#include <QtTest>

using namespace cp;

namespace {

// A paint device that keeps the text painted on each page instead of pixels: proves what a PDF
// or a printout says without a PDF reader.
class TextEngine final : public QPaintEngine
{
public:
    TextEngine() : QPaintEngine(QPaintEngine::AllFeatures) {}
    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override {}
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
    void drawRects(const QRectF *, int) override {}
    void drawLines(const QLineF *, int) override {}
    void drawPath(const QPainterPath &) override {}
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
    void drawEllipse(const QRectF &) override {}
    void drawTextItem(const QPointF &, const QTextItem &item) override
    {
        pages.last() += item.text() + QLatin1Char(' ');
    }
    Type type() const override { return QPaintEngine::User; }

    QStringList pages{QString()};
};

class TextDevice final : public QPaintDevice, public PageTarget
{
public:
    QPaintEngine *paintEngine() const override { return &m_engine; }
    QPaintDevice *device() override { return this; }
    bool newPage() override
    {
        m_engine.pages << QString();
        return true;
    }
    QStringList pages() const { return m_engine.pages; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return 612; // US Letter at 72 dpi
        case PdmHeight:
            return 792;
        case PdmWidthMM:
            return 216;
        case PdmHeightMM:
            return 279;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 72;
        case PdmDepth:
            return 32;
        case PdmNumColors:
            return INT_MAX;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(QPaintDevice::devicePixelRatioFScale());
        }
        return 0;
    }

private:
    mutable TextEngine m_engine;
};

QString compact(QString text)
{
    return text.simplified();
}

} // namespace

class TstIncidentReport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::SampleDatabase> m_sample;
    test::TempDatabase *m_tmp = nullptr;
    test::FakeClock *m_clock = nullptr;
    IncidentStore *m_store = nullptr;
    qint64 m_incident = 0;

    IncidentReport report()
    {
        auto built = IncidentReport::build(*m_store, m_incident, m_clock->nowUtc(), QTimeZone::utc());
        if (!built)
            qWarning() << built.error().message();
        return built ? *built : IncidentReport{};
    }

private slots:
    void init()
    {
        m_sample = std::make_unique<test::SampleDatabase>();
        QVERIFY(m_sample->open());
        m_tmp = &m_sample->tmp;
        m_clock = &m_sample->clock;
        m_store = &m_sample->store;
        m_incident = m_sample->incident;
    }

    void cleanup() { m_sample.reset(); }

    // ---- the postmortem owner and due date ----------------------------------------------------

    void postmortemRefusesBadInputAndChangesNothing()
    {
        const auto before = m_store->incidents().postmortem(m_incident);
        QVERIFY(before.ok() && before->has_value());
        QSignalSpy changed(&m_store->incidents(), &IncidentRepository::postmortemChanged);
        const int entriesBefore = int(report().timeline.size());
        const QDateTime due = m_clock->nowUtc().addDays(2);

        StoreError e = m_store->incidents().setPostmortem(m_incident, QStringLiteral("  "), due, QStringLiteral("ana"));
        QCOMPARE(e.code(), StoreError::Code::Invalid);
        QVERIFY(e.message().contains(QStringLiteral("owner")));
        e = m_store->incidents().setPostmortem(m_incident, QStringLiteral("Bo"), QDateTime(), QStringLiteral("ana"));
        QCOMPARE(e.code(), StoreError::Code::Invalid);
        e = m_store->incidents().setPostmortem(m_incident, QStringLiteral("Bo"), m_clock->nowUtc().addDays(-2),
                                               QStringLiteral("ana"));
        QCOMPARE(e.code(), StoreError::Code::Invalid);
        QVERIFY(e.message().contains(QStringLiteral("before")));
        e = m_store->incidents().setPostmortem(987, QStringLiteral("Bo"), due, QStringLiteral("ana"));
        QCOMPARE(e.code(), StoreError::Code::NotFound);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(m_store->incidents().postmortem(m_incident)->value().owner, QStringLiteral("Dee Park"));
        QCOMPARE(int(report().timeline.size()), entriesBefore);

        QVERIFY(
            m_store->incidents().setPostmortem(m_incident, QStringLiteral("Bo Chen"), due, QStringLiteral("ana")).ok());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toLongLong(), m_incident);
        QCOMPARE(m_store->incidents().postmortem(m_incident)->value().owner, QStringLiteral("Bo Chen"));
        QCOMPARE(m_store->incidents().postmortem(m_incident)->value().dueAt, due);
        const IncidentReport r = report();
        QCOMPARE(int(r.timeline.size()), entriesBefore + 1);
        QVERIFY(r.timeline.constLast().text.startsWith(QStringLiteral("Postmortem owner: Bo Chen, due ")));
        QVERIFY(r.timeline.constLast().keyEvent);
        // The same owner and date again records nothing.
        QVERIFY(
            m_store->incidents().setPostmortem(m_incident, QStringLiteral("Bo Chen"), due, QStringLiteral("ana")).ok());
        QCOMPARE(int(report().timeline.size()), entriesBefore + 1);
    }

    void defaultDueDates()
    {
        const QDateTime friday(QDate(2026, 11, 20), QTime(16, 0), Qt::UTC);
        QCOMPARE(PostmortemPolicy::defaultDue(Severity::Sev1, friday), friday.addDays(3));
        // Five business days from a Friday: the next Friday.
        QCOMPARE(PostmortemPolicy::defaultDue(Severity::Sev2, friday), friday.addDays(7));
        QCOMPARE(PostmortemPolicy::defaultDue(Severity::Sev3, friday), friday.addDays(14));
        PostmortemDeadlines custom;
        custom.sev1CalendarDays = 1;
        custom.sev2BusinessDays = 1;
        QCOMPARE(PostmortemPolicy::defaultDue(Severity::Sev1, friday, custom), friday.addDays(1));
        QCOMPARE(PostmortemPolicy::defaultDue(Severity::Sev2, friday, custom), friday.addDays(3)); // Monday
    }

    // ---- the draft ----------------------------------------------------------------------------

    void draftHasEverySection()
    {
        const IncidentReport r = report();
        QCOMPARE(r.incident.title, test::SampleIncident::title());
        QVERIFY(r.timeline.size() >= 40);
        QCOMPARE(r.rollCalls.size(), 1);
        QVERIFY(r.rollCallItems.size() >= 4);
        const QString md = ReportRenderer::markdown(r.postmortemDraft());
        for (const QString &heading :
             {QStringLiteral("## Summary"), QStringLiteral("## Impact"),
              QStringLiteral("## Severity and status history"), QStringLiteral("## Timeline of key events"),
              QStringLiteral("## Responders: roles and who held them"), QStringLiteral("## Roll-call outcomes"),
              QStringLiteral("## Actions and decisions"), QStringLiteral("## Callouts"),
              QStringLiteral("## Follow-up actions")})
            QVERIFY2(md.contains(heading), qPrintable(heading));
        QVERIFY(md.startsWith(QStringLiteral("# Postmortem: Checkout events stuck behind a database lock\n")));
        QVERIFY(md.contains(QStringLiteral("- **Postmortem owner:** Dee Park")));
        QVERIFY(md.contains(QStringLiteral("Declared as SEV-2")));
        QVERIFY(md.contains(QStringLiteral("Severity: SEV-2 → SEV-1")));
        QVERIFY(md.contains(QStringLiteral("1 no answer")));
        QVERIFY(md.contains(QStringLiteral("approval to kill the session")));
        QVERIFY(md.contains(QStringLiteral("- [ ] Migrations must take locks with a timeout")));
        QVERIFY(md.contains(QStringLiteral("Kill the migration session and roll the migration back")));
        // Hand-over shows in who held what when.
        QVERIFY(md.contains(QStringLiteral("(handed over)")));
        // The retracted note is not in the draft.
        QVERIFY(!md.contains(QStringLiteral("nightly report job")));
    }

    void markdownHasEveryKeyEventInOrder()
    {
        const QStringList keyEvents = test::SampleIncident::keyEventTexts(*m_store, m_incident);
        QVERIFY(keyEvents.size() >= 10);
        const QString md = ReportRenderer::markdown(report().fullReport());
        const qsizetype sectionStart = md.indexOf(QStringLiteral("## Timeline of key events"));
        const qsizetype sectionEnd = md.indexOf(QStringLiteral("\n## "), sectionStart + 1);
        QVERIFY(sectionStart > 0 && sectionEnd > sectionStart);
        const QString section = md.mid(sectionStart, sectionEnd - sectionStart);
        qsizetype at = 0;
        for (const QString &text : keyEvents) {
            // Markdown escapes its own punctuation; compare with the same escaping undone.
            QString plain = section;
            plain.remove(QLatin1Char('\\'));
            const qsizetype found = plain.indexOf(text, at);
            QVERIFY2(found >= 0, qPrintable(QStringLiteral("key event missing or out of order: ") + text));
            at = found + 1;
        }
    }

    void markdownAndHtmlEscape()
    {
        // A resolved incident's details are closed: the markup goes into an incident of its own.
        NewIncident hostile;
        hostile.title = QStringLiteral("<script>x</script> | *bold*");
        hostile.summary = QStringLiteral("a | b");
        auto id = m_store->incidents().create(hostile, QStringLiteral("ana"));
        QVERIFY(id.ok());
        m_incident = *id;
        NewEntry piped{m_incident, EntryKind::Callout, QStringLiteral("ana"), QStringLiteral("cache | db both slow")};
        piped.keyEvent = true;
        QVERIFY(m_store->timeline().append(piped).ok());
        const IncidentReport r = report();
        const QString md = ReportRenderer::markdown(r.postmortemDraft());
        QVERIFY(md.startsWith(QStringLiteral("# Postmortem: \\<script>x\\</script> | \\*bold\\*")));
        const QString html = ReportRenderer::html(r.postmortemDraft());
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;x&lt;/script&gt;")));
        // Every row of the key-event table has as many cells as its header.
        const QStringList lines = md.split(QLatin1Char('\n'));
        qsizetype row = lines.indexOf(QStringLiteral("| Time | Kind | By | What happened |"));
        QVERIFY2(row >= 0, qPrintable(md));
        int rows = 0;
        for (++row; row < lines.size() && lines.at(row).startsWith(QLatin1Char('|')); ++row, ++rows) {
            if (!lines.at(row).startsWith(QLatin1String("|--")) && !lines.at(row).startsWith(QLatin1String("| --")))
                QCOMPARE(lines.at(row).count(QStringLiteral(" | ")), 3);
        }
        QVERIFY(rows >= 2); // the separator and the piped callout
    }

    // ---- the record ends at the resolution ------------------------------------------------------

    // After the drill's resolution only the postmortem's records are added (no timer expiries, no
    // "session recovered"), whatever the clock does; the acknowledgement names who resolved.
    void drillRecordEndsAtTheResolution()
    {
        const IncidentReport r = report();
        const QDateTime resolved = r.incident.resolvedAt;
        QVERIFY(resolved.isValid());
        QStringList after;
        for (const TimelineEntry &e : r.timeline) {
            if (e.capturedAt > resolved || e.occurredAt > resolved)
                after << e.text;
            if (e.capturedAt > resolved)
                QVERIFY2(e.tags.contains(QStringLiteral("postmortem")) ||
                             e.text.startsWith(QStringLiteral("Incident reopened")),
                         qPrintable(e.text));
        }
        QCOMPARE(after.size(), 1);
        QVERIFY(after.constFirst().startsWith(QStringLiteral("Postmortem owner: Dee Park")));
        for (const Timer &t : r.timers)
            QVERIFY2(!t.isLive(), qPrintable(t.label)); // stopped on resolve
        QStringList acknowledged;
        for (const TimelineEntry &e : r.entries()) {
            if (e.tags.contains(QStringLiteral("resolve-checklist")))
                acknowledged << e.author + QStringLiteral(": ") + e.text;
        }
        QVERIFY(!acknowledged.isEmpty());
        for (const QString &line : std::as_const(acknowledged))
            QVERIFY2(line.startsWith(QStringLiteral("Ana Lima: Resolving with this left as it is: ")),
                     qPrintable(line));
        // The activity log ends with the resolution and the postmortem owner.
        TextDevice device;
        ReportPainter::paint(ReportPainter::Form::Ics214, r, device);
        const QString log = compact(device.pages().join(QLatin1Char(' ')));
        QVERIFY(log.indexOf(QStringLiteral("Timers stopped on resolve")) <
                log.indexOf(QStringLiteral("Postmortem owner")));
    }

    // The customer-facing duration runs from the earliest key event before the declaration, and
    // says so; the declared-to-resolved span is named as such.
    void impactStartsAtTheEarliestKeyEventBeforeTheDeclaration()
    {
        m_clock->advance(60 * 60 * 1000);
        NewIncident incident;
        incident.title = QStringLiteral("Search returns nothing");
        incident.severity = Severity::Sev2;
        auto id = m_store->incidents().create(incident, QStringLiteral("Bo Chen"));
        QVERIFY(id.ok());
        const QDateTime declared = m_clock->nowUtc();
        NewEntry early{*id, EntryKind::Callout, QStringLiteral("Cy Okafor"),
                       QStringLiteral("Search error rate at 38 %")};
        early.keyEvent = true;
        early.occurredAt = declared.addSecs(-140);
        QVERIFY(m_store->timeline().append(early).ok());
        NewEntry later{*id, EntryKind::Callout, QStringLiteral("Cy Okafor"), QStringLiteral("Earlier, unmarked")};
        later.occurredAt = declared.addSecs(-600); // not a key event: not the start
        QVERIFY(m_store->timeline().append(later).ok());
        m_clock->advance(30 * 60 * 1000);
        QVERIFY(m_store->resolution()
                    .resolve(*id, {{QStringLiteral("*"), QStringLiteral("test")}}, QStringLiteral("Bo Chen"))
                    .ok());

        auto built = IncidentReport::build(*m_store, *id, m_clock->nowUtc(), QTimeZone::utc());
        QVERIFY(built.ok());
        QCOMPARE(built->impactStart(), declared.addSecs(-140));
        const QString impact = TimerVocabulary::durationText(declared.addSecs(-140).msecsTo(m_clock->nowUtc()));
        QCOMPARE(built->impactDuration(), impact);
        const QString md = ReportRenderer::markdown(built->postmortemDraft());
        QVERIFY2(md.contains(QStringLiteral("Customer-facing duration: %1, from “Search error rate at 38 %” (%2) to "
                                            "the resolution (%3)")
                                 .arg(impact, built->clock(declared.addSecs(-140)), built->clock(m_clock->nowUtc()))),
                 qPrintable(md.section(QStringLiteral("## Impact"), 1, 1).left(600)));
        QVERIFY(md.contains(QStringLiteral("Declared to resolved: 30 min")));
        TextDevice device;
        ReportPainter::paint(ReportPainter::Form::Ics201, *built, device);
        QVERIFY(compact(device.pages().join(QLatin1Char(' '))).contains(QStringLiteral("from “Search error rate")));

        // The drill has no key event before its declaration: its impact runs from the declaration.
        QVERIFY(report().impactText().contains(QStringLiteral("from the declaration")));
    }

    // GFM: only what would become markup is escaped, so a chat tool showing the source reads
    // the same words; the plain variant has no markup at all.
    void markdownEscapesOnlyMarkup()
    {
        ReportDocument d;
        d.title = QStringLiteral("Fix #123");
        d.paragraph(QStringLiteral("# not a heading"));
        d.paragraph(QStringLiteral("Fix #12 in a_b for c*d at <div> [x](y) AT&T 3 > 2 [retracted]"));
        d.paragraph(QStringLiteral("1. not a list"));
        d.table({QStringLiteral("a|b")}, {{QStringLiteral("x|y #z")}});
        const QString md = ReportRenderer::markdown(d);
        QVERIFY2(md.startsWith(QStringLiteral("# Fix #123\n")), qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral("\n\\# not a heading\n")), qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral("Fix #12 in a_b for c\\*d at \\<div> [x\\](y) AT&T 3 > 2 [retracted]")),
                 qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral("\n1\\. not a list")), qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral("| x\\|y #z |")), qPrintable(md));
        // The sample's whole report: not one "\#" for a chat tool to show.
        QVERIFY(!ReportRenderer::markdown(report().fullReport()).contains(QStringLiteral("\\#")));

        const QString plain = ReportRenderer::plainText(d);
        QVERIFY(plain.startsWith(QStringLiteral("Fix #123\n")));
        QVERIFY(plain.contains(QStringLiteral("Fix #12 in a_b for c*d at <div> [x](y) AT&T 3 > 2 [retracted]")));
        QVERIFY(plain.contains(QStringLiteral("• x|y #z")));
        QVERIFY(!plain.contains(QLatin1Char('\\')));
    }

    // ---- paper ----------------------------------------------------------------------------------

    void formsHaveTheIncidentAndPageNumbersOnEveryPage_data()
    {
        QTest::addColumn<int>("form");
        QTest::addColumn<int>("minPages");
        QTest::addColumn<QString>("marker");
        QTest::newRow("report") << int(ReportPainter::Form::Report) << 2 << QStringLiteral("Timeline of key events");
        QTest::newRow("ics201") << int(ReportPainter::Form::Ics201) << 3 << QStringLiteral("INCIDENT BRIEFING");
        QTest::newRow("ics207") << int(ReportPainter::Form::Ics207) << 1 << QStringLiteral("Incident Commander");
        QTest::newRow("ics214") << int(ReportPainter::Form::Ics214) << 2 << QStringLiteral("Notable Activities");
    }

    void formsHaveTheIncidentAndPageNumbersOnEveryPage()
    {
        QFETCH(int, form);
        QFETCH(int, minPages);
        QFETCH(QString, marker);
        TextDevice device;
        const int pages = ReportPainter::paint(ReportPainter::Form(form), report(), device);
        QVERIFY2(pages >= minPages, qPrintable(QString::number(pages)));
        QCOMPARE(int(device.pages().size()), pages);
        for (int i = 0; i < pages; ++i) {
            const QString text = compact(device.pages().at(i));
            QVERIFY2(text.contains(QStringLiteral("Checkout events stuck")), qPrintable(text.left(300)));
            QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages)), qPrintable(text.left(300)));
            QVERIFY2(text.contains(QStringLiteral("Operational period")), qPrintable(text.left(300)));
        }
        QVERIFY(compact(device.pages().join(QLatin1Char(' '))).contains(marker));
    }

    void activityLogListsEveryEntry()
    {
        TextDevice device;
        ReportPainter::paint(ReportPainter::Form::Ics214, report(), device);
        const QString all = compact(device.pages().join(QLatin1Char(' ')));
        for (const TimelineEntry &e : report().entries()) {
            // Long entries wrap inside their cell; the first words are on one line.
            const QString start = e.text.section(QLatin1Char(' '), 0, 2);
            QVERIFY2(all.contains(start), qPrintable(start));
        }
        QVERIFY(!all.contains(QStringLiteral("nightly report job"))); // retracted
    }

    // The drill's approval step names who took it: nobody held the Legal Officer role, so the IC
    // reviewed in their place, with the reason; the revision is the author's (no Technical SLT).
    void approvalStepsNameWhoTookThem()
    {
        const IncidentReport r = report();
        QStringList said;
        for (const TimelineEntry &e : r.entries()) {
            if (e.tags.contains(QStringLiteral("business")) && e.text.startsWith(QStringLiteral("Message #")))
                said << e.author + QStringLiteral(": ") + e.text;
        }
        QCOMPARE(said.size(), 3);
        QVERIFY2(said.at(0).contains(QStringLiteral("by Ana Lima (no Technical SLT is assigned)")),
                 qPrintable(said.at(0)));
        QVERIFY2(
            said.at(2).startsWith(QStringLiteral("Ana Lima: ")) &&
                said.at(2).endsWith(QStringLiteral("legal review passed, taken by the IC Ana Lima in place of the "
                                                   "Legal Officer — IC override: no Legal Officer on the call yet")),
            qPrintable(said.at(2)));
        TextDevice device;
        ReportPainter::paint(ReportPainter::Form::Ics214, r, device);
        QVERIFY(
            compact(device.pages().join(QLatin1Char(' '))).contains(QStringLiteral("IC override: no Legal Officer")));
    }

    void formsKeepEveryone_data()
    {
        QTest::addColumn<int>("people");
        QTest::newRow("15 people") << 15;
        QTest::newRow("50 people") << 50;
        QTest::newRow("200 people") << 200;
    }

    // Every person on every form, however many there are: what does not fit continues on a
    // continuation page, and the page it continues on is named.
    void formsKeepEveryone()
    {
        QFETCH(int, people);
        test::TempDatabase tmp;
        test::FakeClock clock;
        IncidentStore store{clock};
        QVERIFY(store.session().open(tmp.path()).ok());
        const qint64 id = test::DrillIncident::create(store, clock, people);
        QVERIFY(id > 0);
        const auto built = IncidentReport::build(store, id, clock.nowUtc(), QTimeZone::utc());
        QVERIFY(built.ok());
        const QStringList names = test::DrillIncident::names(people);
        for (const auto form :
             {ReportPainter::Form::Ics201, ReportPainter::Form::Ics207, ReportPainter::Form::Ics214}) {
            TextDevice device;
            const int pages = ReportPainter::paint(form, *built, device);
            QCOMPARE(int(device.pages().size()), pages);
            const QString all = compact(device.pages().join(QLatin1Char(' ')));
            for (const QString &name : names) {
                // The chart shows who holds a role now: the first Scribe handed over.
                if (form == ReportPainter::Form::Ics207 && name == names.at(2))
                    continue;
                QVERIFY2(all.contains(name),
                         qPrintable(QStringLiteral("form %1: %2 is missing").arg(int(form)).arg(name)));
            }
            for (int i = 0; i < pages; ++i)
                QVERIFY(compact(device.pages().at(i)).contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages)));
            for (int i = 1; i <= pages; ++i) {
                // A continuation names its page, and that page says where it continues from.
                if (all.contains(QRegularExpression(QStringLiteral("continued on page %1\\b").arg(i))))
                    QVERIFY(compact(device.pages().at(i - 1)).contains(QStringLiteral("(continued from page")));
            }
            if (form == ReportPainter::Form::Ics214) {
                // Block 6 lists every stretch: both of the Scribe's (the one preparing the form included).
                QCOMPARE(all.count(QStringLiteral("Scribe (stands in for Documentation Unit Leader), ")), 2);
                QCOMPARE(all.count(QStringLiteral("Subject Matter Expert (stands in for Technical Specialist), ")),
                         people - 6);
                QVERIFY(all.contains(QStringLiteral("Support (Customer Care)")));
                QVERIFY(!all.contains(QStringLiteral("response team")));
            }
            if (form == ReportPainter::Form::Ics207 && people <= 15)
                QCOMPARE(pages, 1);
            if (people == 200)
                QVERIFY2(all.contains(QStringLiteral("continued on page")), qPrintable(QString::number(int(form))));
        }
    }

    // ICS 201: blocks 1–3 on every page, block 6 at every foot, objectives in block 7, and no
    // block the paper form does not have.
    void briefingHasTheFemaBlocksOnEveryPage()
    {
        TextDevice device;
        const IncidentReport r = report();
        const int pages = ReportPainter::paint(ReportPainter::Form::Ics201, r, device);
        QVERIFY(pages >= 4);
        for (const QString &page : device.pages()) {
            const QString text = compact(page);
            for (const QString &block : {QStringLiteral("1. Incident Name:"), QStringLiteral("2. Incident Number:"),
                                         QStringLiteral("3. Date/Time Initiated:"), QStringLiteral("6. Prepared by:")})
                QVERIFY2(text.contains(block), qPrintable(block + QStringLiteral(" in ") + text.left(200)));
            QVERIFY(text.contains(r.incident.number()));
            QVERIFY(!text.contains(QStringLiteral("Operational Period:")));
        }
        const QString all = compact(device.pages().join(QLatin1Char(' ')));
        for (const QString &block :
             {QStringLiteral("4. Map/Sketch"), QStringLiteral("5. Situation Summary"),
              QStringLiteral("7. Current and Planned Objectives:"), QStringLiteral("8. Current and Planned Actions"),
              QStringLiteral("9. Current Organization"), QStringLiteral("10. Resource Summary:")})
            QVERIFY2(all.contains(block), qPrintable(block));
        QVERIFY(all.contains(QStringLiteral("Strategy decided: Kill the migration session")));
        QVERIFY(all.contains(QStringLiteral("Scribe (stands in for Documentation Unit Leader)")));
        QVERIFY(!r.incident.number().contains(QString::number(r.incident.id) + QLatin1Char('#')));
        QVERIFY(r.incident.number().startsWith(QStringLiteral("CP-")));
    }

    // The postmortem PDF: a heading never ends a page, a table row is never cut by a page break,
    // and a table going on over a page repeats its heading row.
    void reportPagesKeepHeadingsAndRowsWhole()
    {
        ReportDocument d;
        d.title = QStringLiteral("Pagination");
        for (int section = 0; section < 12; ++section) {
            d.heading(QStringLiteral("Heading%1").arg(section));
            d.paragraph(QStringLiteral("Paragraph text that says what the section holds. ").repeated(section % 4 + 1));
            QList<QStringList> rows;
            for (int r = 0; r < 9; ++r)
                rows << QStringList{
                    QStringLiteral("s%1r%2a").arg(section).arg(r),
                    QStringLiteral("s%1r%2b Outcome adopted after the objections check").arg(section).arg(r),
                    QStringLiteral("s%1r%2c").arg(section).arg(r)};
            d.table({QStringLiteral("Time"), QStringLiteral("Outcome"), QStringLiteral("By")}, rows);
        }
        TextDevice device;
        const int pages = ReportPainter::paintDocument(d, report(), device);
        QVERIFY(pages >= 3);
        for (int p = 0; p < pages; ++p) {
            const QString text = compact(device.pages().at(p));
            QVERIFY2(!QRegularExpression(QStringLiteral("Heading\\d+$")).match(text).hasMatch(),
                     qPrintable(text.right(80)));
            if (p > 0 && !text.contains(QStringLiteral("Heading")))
                QVERIFY(text.contains(QStringLiteral("Time Outcome By")));
            for (int section = 0; section < 12; ++section)
                for (int r = 0; r < 9; ++r) {
                    const QString id = QStringLiteral("s%1r%2").arg(section).arg(r);
                    const int parts = int(text.contains(id + QLatin1Char('a'))) +
                                      int(text.contains(id + QLatin1Char('b'))) +
                                      int(text.contains(id + QLatin1Char('c')));
                    QVERIFY2(parts == 0 || parts == 3, qPrintable(id));
                }
            QVERIFY(!text.contains(QStringLiteral("Outcom ")));
        }
    }

    // The layout model alone: every row shown exactly once, in order, never past the area's foot,
    // and a box never starts with its label alone at the bottom of a page.
    void flowSplitsBoxesBetweenPagesWithoutLosingRows()
    {
        TextDevice device;
        QPainter painter(&device);
        Sheet sheet(painter, &device);
        const QRectF area(36, 100, 540, 300);
        FlowBox first;
        first.label = QStringLiteral("6. Resources Assigned:");
        first.columns = {0.5, 0.5};
        first.header = QStringList{QStringLiteral("Name"), QStringLiteral("Position")};
        for (int i = 0; i < 80; ++i)
            first.rows << QStringList{QStringLiteral("Person %1").arg(i), QStringLiteral("Role %1").arg(i)};
        FlowBox second;
        second.label = QStringLiteral("7. Activity Log:");
        second.columns = {0.2, 0.8};
        second.header = QStringList{QStringLiteral("Time"), QStringLiteral("Notable Activities")};
        // One entry longer than a whole page: split between lines, nothing clipped.
        second.rows << QStringList{QStringLiteral("12:00"), QStringLiteral("word ").repeated(2000).trimmed()};
        for (int i = 0; i < 30; ++i)
            second.rows << QStringList{QStringLiteral("12:%1").arg(i, 2, 10, QLatin1Char('0')),
                                       QStringLiteral("Entry %1").arg(i)};
        const FormFlow flow(sheet, area, {first, second});
        const QList<FlowPage> pages = flow.layout();
        QVERIFY(pages.size() > 3);
        QStringList shown[2];
        int words = 0;
        for (int p = 0; p < pages.size(); ++p) {
            for (const PlacedBox &placed : pages.at(p).boxes) {
                QVERIFY(placed.rect.top() >= area.top() - 0.01 && placed.rect.bottom() <= area.bottom() + 0.01);
                const QStringList rows = flow.shownRows(placed);
                QVERIFY2(!rows.isEmpty(), "a box's label alone on a page");
                if (placed.continuedOn)
                    QCOMPARE(placed.continuedOn, p + 2);
                if (placed.continuedFrom)
                    QCOMPARE(placed.continuedFrom, p);
                for (const QString &row : rows) {
                    words += placed.box == 1 ? int(row.count(QStringLiteral("word"))) : 0;
                    shown[placed.box] << row;
                }
            }
        }
        QCOMPARE(int(shown[0].size()), 80);
        for (int i = 0; i < 80; ++i)
            QCOMPARE(shown[0].at(i), QStringLiteral("Person %1 | Role %1").arg(i));
        QCOMPARE(words, 2000);
        QVERIFY(shown[1].contains(QStringLiteral("12:29 | Entry 29")));
    }

    void everyExportFormatWrites()
    {
        for (IncidentExport::Format format : IncidentExport::all()) {
            QBuffer buffer;
            QVERIFY(buffer.open(QIODevice::WriteOnly));
            const StoreError error =
                IncidentExport::write(*m_store, m_incident, format, buffer, m_clock->nowUtc(), QTimeZone::utc());
            QVERIFY2(error.ok(), qPrintable(IncidentExport::key(format) + QStringLiteral(": ") + error.message()));
            const QByteArray bytes = buffer.data();
            QVERIFY2(bytes.size() > 200, qPrintable(IncidentExport::key(format)));
            if (IncidentExport::isPdf(format))
                QVERIFY(bytes.startsWith("%PDF-"));
            if (format == IncidentExport::Format::Json)
                QVERIFY(IncidentJson::read(bytes).ok());
            if (format == IncidentExport::Format::Csv) {
                QVERIFY(bytes.startsWith("id,occurred_at,"));
                QCOMPARE(bytes.count("\r\n"), bytes.count('\n')); // RFC 4180: every record ends with CRLF
            }
            if (format == IncidentExport::Format::CsvExcel)
                QVERIFY(bytes.startsWith("\xEF\xBB\xBFid,occurred_at,"));
            if (format == IncidentExport::Format::PlainText) {
                QVERIFY(bytes.startsWith("Postmortem: Checkout events stuck"));
                QVERIFY(!bytes.contains("| ") && !bytes.contains("**") && !bytes.contains("\\"));
            }
            if (format == IncidentExport::Format::Html)
                QVERIFY(bytes.contains("<h1>Postmortem: Checkout events stuck"));
            QCOMPARE(IncidentExport::fromKey(IncidentExport::key(format)), std::optional(format));
        }
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QCOMPARE(
            IncidentExport::write(*m_store, 404, IncidentExport::Format::Markdown, buffer, m_clock->nowUtc()).code(),
            StoreError::Code::NotFound);
        QVERIFY(!IncidentExport::fromKey(QStringLiteral("docx")));
    }
};

QTEST_MAIN(TstIncidentReport)
#include "tst_incidentreport.moc"
