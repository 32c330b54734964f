// The shadow window on the offscreen platform: widgets found by objectName, live updates from
// the store (its own and a read-only follower's), the reader's place kept, trainee notes, the
// console's View ▸ Shadow view and a replay driven by the fake clock.

#include "domain/roletemplate.h"
#include "models/missedmodel.h"
#include "models/rollcallmodel.h"
#include "models/timelinemodel.h"
#include "models/timermodel.h"
#include "notes/traineenotemodel.h"
#include "notes/traineenotes.h"
#include "replay/replayengine.h"
#include "shadow/replaybar.h"
#include "shadow/rollcallpanel.h"
#include "shadow/shadowwindow.h"
#include "shadow/staffedrolelist.h"
#include "shadow/traineenotespanel.h"
#include "uifixture.h"
#include "widgets/rollcalldelegate.h"
#include "widgets/timerdelegate.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTreeView>
#include <QtTest>

using namespace cp;
using namespace cp::test;

class TstShadowView : public QObject
{
    Q_OBJECT

private:
    static QString labelText(QWidget *window, const char *name)
    {
        auto *label = window->findChild<QLabel *>(QLatin1String(name));
        return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }

    static void log(IncidentStore &store, qint64 incident, const QString &text)
    {
        NewEntry entry;
        entry.incidentId = incident;
        entry.kind = EntryKind::Action;
        entry.author = QStringLiteral("cy");
        entry.text = text;
        QVERIFY(store.timeline().append(entry));
    }

    // A SEV-1 with the technical response's roles.
    static NewIncident sev1WithRoles(const QString &title)
    {
        RoleTemplateLibrary library{QString()};
        NewIncident declared;
        declared.title = title;
        declared.severity = Severity::Sev1;
        declared.roles = library.find(QStringLiteral("technical-response"));
        return declared;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsTheIncidentAndUpdatesLive()
    {
        UiFixture f;
        QVERIFY(f.openError.ok());
        RoleTemplateLibrary library{QString()};
        NewIncident declared;
        declared.title = QStringLiteral("Checkout payments failing");
        declared.severity = Severity::Sev2;
        declared.roles = library.find(QStringLiteral("technical-response"));
        const qint64 id = *f.store->incidents().create(declared, QStringLiteral("ana"));
        Person bo;
        bo.name = QStringLiteral("Bo Chen");
        bo.handle = QStringLiteral("bo");
        QVERIFY(f.store->roles().assign(id, QStringLiteral("deputy"), *f.store->roster().addPerson(bo),
                                        QStringLiteral("ana")));
        QVERIFY(f.store->timers().startCountdown(id, QStringLiteral("check DB"), 180000, {}, QStringLiteral("ana")));
        ShadowWindow window(*f.store, f.clock, nullptr);
        window.setIncident(id);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QCOMPARE(labelText(&window, "shadowSeverity"), QStringLiteral("SEV-2"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("shadowTitle"))->toolTip(),
                 QStringLiteral("Checkout payments failing"));
        QCOMPARE(labelText(&window, "shadowStatus"), IncidentVocabulary::statusLabel(IncidentStatus::Investigating));
        QVERIFY(labelText(&window, "shadowClock").startsWith(QStringLiteral("T+")));
        auto *timers = window.findChild<QTreeView *>(QStringLiteral("shadowTimers"));
        auto *timeline = window.findChild<QTreeView *>(QStringLiteral("shadowTimeline"));
        QVERIFY(timers && timeline);
        QVERIFY(window.findChild<StaffedRoleList *>(QStringLiteral("shadowRoleChart")));
        QVERIFY(!window.findChild<StaffedRoleList *>(QStringLiteral("shadowRoleChart"))->acceptDrops());
        QVERIFY(window.findChild<QWidget *>(QStringLiteral("shadowRollCallPanel")));
        QCOMPARE(timers->model()->rowCount(), 1);
        const int before = timeline->model()->rowCount();

        // The store's changes arrive row by row, never as a reset.
        QSignalSpy reset(timeline->model(), &QAbstractItemModel::modelReset);
        log(*f.store, id, QStringLiteral("Dana restarting the payment workers"));
        QCOMPARE(timeline->model()->rowCount(), before + 1);
        QVERIFY(timeline->model()
                    ->index(0, TimelineModel::TextColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("restarting the payment workers")));
        QVERIFY(f.store->incidents().setSeverity(id, Severity::Sev1, QStringLiteral("ana")).ok());
        QCOMPARE(labelText(&window, "shadowSeverity"), QStringLiteral("SEV-1"));
        QCOMPARE(reset.size(), 0);
        QVERIFY(f.store->rollCalls().start(id, {}, QStringLiteral("ana")).error().ok());
        QVERIFY(labelText(&window, "shadowRollCallSummary").contains(QStringLiteral("Round 1")));
        QVERIFY(window.findChild<StaffedRoleList *>(QStringLiteral("shadowRoleChart"))
                    ->indexOfRole(QStringLiteral("deputy"))
                    .isValid());

        // Full screen with one key, and back.
        QTest::keyClick(&window, Qt::Key_F11);
        QTRY_VERIFY(window.windowState() & Qt::WindowFullScreen);
        QTest::keyClick(&window, Qt::Key_F11);
        QTRY_VERIFY(!(window.windowState() & Qt::WindowFullScreen));
        // Larger type.
        const qreal size = window.font().pointSizeF();
        window.setTypeScale(window.typeScale() + 0.5);
        QVERIFY(window.font().pointSizeF() > size);
    }

    // At 1920×1080 the type reads from 2 m: capitals of 34 px, the timeline most of the height,
    // the overdue time whole, the roll call with its colours, Actions and Needs.
    void readableFromAcrossTheRoom()
    {
        UiFixture f;
        const NewIncident declared =
            sev1WithRoles(QStringLiteral("Checkout payments failing for every card issuer in the EU region"));
        const qint64 id = *f.store->incidents().create(declared, QStringLiteral("ana"));
        Person bo;
        bo.name = QStringLiteral("Bo Chen");
        bo.handle = QStringLiteral("bo");
        QVERIFY(f.store->roles().assign(id, QStringLiteral("deputy"), *f.store->roster().addPerson(bo),
                                        QStringLiteral("ana")));
        QVERIFY(f.store->timers().startCountdown(id, QStringLiteral("check DB"), 60000, {}, QStringLiteral("ana")));
        ShadowWindow window(*f.store, f.clock, nullptr);
        window.setIncident(id);
        window.resize(1920, 1080);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.height(), 1080);

        const QTreeView *timeline = window.timelineView();
        QVERIFY2(QFontMetricsF(timeline->font()).capHeight() >= 33.5,
                 qPrintable(QString::number(QFontMetricsF(timeline->font()).capHeight())));
        auto *title = window.findChild<QLabel *>(QStringLiteral("shadowTitle"));
        QVERIFY(QFontMetricsF(title->font()).capHeight() >= 34);
        QCOMPARE(title->text(), declared.title); // wrapped, not cut
        QCOMPARE(title->accessibleName(), declared.title);
        QTRY_VERIFY2(timeline->height() > window.height() * 2 / 5, qPrintable(QString::number(timeline->height())));

        // Only the staffed roles (and required ones left vacant) are charted, in type that reads
        // from the room (a zoomed chart of cards had 5-pixel text).
        auto *chart = window.findChild<StaffedRoleList *>(QStringLiteral("shadowRoleChart"));
        QVERIFY(chart->indexOfRole(QStringLiteral("deputy")).isValid());
        QVERIFY(chart->indexOfRole(QStringLiteral("ic")).isValid()); // required, vacant: a gap that matters
        QVERIFY(!chart->indexOfRole(QStringLiteral("customer-liaison")).isValid()); // neither staffed nor required
        QVERIFY2(QFontMetricsF(chart->font()).capHeight() >= 0.65 * ShadowWindow::CapHeightAt1080,
                 qPrintable(QString::number(QFontMetricsF(chart->font()).capHeight())));

        // Five and a half years overdue: every digit shows.
        f.clock.advance(qint64(48094) * 3600 * 1000 + 13 * 60 * 1000 + 22 * 1000 + 60000);
        QTest::qWait(0);
        window.timerModel()->refreshRemaining();
        auto *timers = window.findChild<QTreeView *>(QStringLiteral("shadowTimers"));
        const QModelIndex remaining = window.timerModel()->index(0, TimerModel::RemainingColumn);
        QCOMPARE(remaining.data().toString(), QStringLiteral("+48094:13:22"));
        auto *delegate = qobject_cast<TimerDelegate *>(timers->itemDelegate());
        QVERIFY(delegate);
        QTRY_VERIFY(timers->columnWidth(TimerModel::RemainingColumn) >=
                    delegate->remainingWidth(timers->font(), remaining.data().toString()));

        // The roll call as the console shows it.
        QVERIFY(f.store->rollCalls().start(id, {}, QStringLiteral("ana")).error().ok());
        auto *round = window.findChild<QTreeView *>(QStringLiteral("shadowRollCallRound"));
        QVERIFY(qobject_cast<RollCallDelegate *>(round->itemDelegate()));
        QVERIFY(!round->isColumnHidden(RollCallModel::ConditionColumn));
        QVERIFY(!round->isColumnHidden(RollCallModel::ActionsColumn));
        QVERIFY(!round->isColumnHidden(RollCallModel::NeedsColumn));
        QVERIFY(qobject_cast<RollCallDelegate *>(
            window.findChild<QTreeView *>(QStringLiteral("shadowMissed"))->itemDelegate()));
    }

    void panelsKeepTheirRowsAtWallSizes_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("roundRows");
        QTest::newRow("1920x1080") << QSize(1920, 1080) << 5;
        QTest::newRow("1280x720") << QSize(1280, 720) << 4;
    }

    // A wall display at its usual sizes: the timers' names readable beside their times, the roll
    // call's round and missed list with rows to read, the role chart more than a strip and the
    // timeline's entries wrapped rather than cut.
    void panelsKeepTheirRowsAtWallSizes()
    {
        QFETCH(QSize, size);
        QFETCH(int, roundRows);
        UiFixture f;
        const NewIncident declared = sev1WithRoles(QStringLiteral("Global CDN outage: 85% of services return 503"));
        const qint64 id = *f.store->incidents().create(declared, QStringLiteral("ana"));
        const QList<QPair<QString, QString>> staff{{QStringLiteral("ic"), QStringLiteral("Ana Lima")},
                                                   {QStringLiteral("deputy"), QStringLiteral("Bo Chen")},
                                                   {QStringLiteral("scribe"), QStringLiteral("Cy Okafor")},
                                                   {QStringLiteral("sme"), QStringLiteral("Dana Reyes")},
                                                   {QStringLiteral("sme"), QStringLiteral("Eli Brandt")},
                                                   {QStringLiteral("customer-liaison"), QStringLiteral("Gus Varga")}};
        for (const auto &[role, name] : staff) {
            Person p;
            p.name = name;
            p.handle = name.section(QLatin1Char(' '), 0, 0).toLower();
            QVERIFY(f.store->roles().assign(id, role, *f.store->roster().addPerson(p), QStringLiteral("ana")));
        }
        const QString longest = QStringLiteral("Check back with the edge SME");
        TimerOptions owned;
        owned.ownerRoleKey = QStringLiteral("customer-liaison");
        for (const QString &label :
             {longest, QStringLiteral("Status page update"), QStringLiteral("Confirm the rollback")})
            QVERIFY(f.store->timers().startCountdown(id, label, 9 * 60000, owned, QStringLiteral("ana")));
        for (int i = 0; i < 10; ++i)
            log(*f.store, id, QStringLiteral("POP %1 back to normal").arg(i));
        log(*f.store, id,
            QStringLiteral("Config disabled at 09:58 UTC; POPs recovering, 95% of traffic back, Europe still shows "
                           "elevated 503s while the rollout reaches AMS and FRA"));
        auto round = f.store->rollCalls().start(id, {}, QStringLiteral("ana"));
        QVERIFY(round);
        auto items = *f.store->rollCalls().roundItems(*round);
        QVERIFY(items.size() >= roundRows);
        for (int i = 0; i < 2; ++i)
            QVERIFY(f.store->rollCalls().mark(items.at(i).id, RollCallItemState::NoAnswer, QStringLiteral("bo")).ok());

        ShadowWindow window(*f.store, f.clock, nullptr);
        window.setIncident(id);
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.size(), size);
        QTest::qWait(0);

        // The timers: the longest name whole at 1920, its start at least at 1280; the time whole.
        auto *timers = window.findChild<QTreeView *>(QStringLiteral("shadowTimers"));
        const QFontMetrics timerFont(timers->font());
        const QString mustShow = size.width() >= 1920 ? longest : longest.left(12) + QStringLiteral("…");
        QTRY_VERIFY2(timers->columnWidth(TimerModel::LabelColumn) >= timerFont.horizontalAdvance(mustShow) + 8,
                     qPrintable(QStringLiteral("label %1 px").arg(timers->columnWidth(TimerModel::LabelColumn))));
        const int timerColumns = timers->columnWidth(TimerModel::LabelColumn) +
                                 timers->columnWidth(TimerModel::OwnerColumn) +
                                 timers->columnWidth(TimerModel::RemainingColumn);
        QVERIFY2(timerColumns <= timers->viewport()->width(), qPrintable(QString::number(timerColumns)));
        QVERIFY(timers->viewport()->height() >= 3 * timers->sizeHintForRow(0));

        // The roll call: every role of the round and the missed items, each with its row.
        auto *roundView = window.findChild<QTreeView *>(QStringLiteral("shadowRollCallRound"));
        auto *missed = window.findChild<QTreeView *>(QStringLiteral("shadowMissed"));
        QVERIFY2(roundView->viewport()->height() >= roundRows * roundView->sizeHintForRow(0),
                 qPrintable(QStringLiteral("%1 px for rows of %2")
                                .arg(roundView->viewport()->height())
                                .arg(roundView->sizeHintForRow(0))));
        QVERIFY2(missed->viewport()->height() >= 2 * missed->sizeHintForRow(0),
                 qPrintable(QString::number(missed->viewport()->height())));
        for (int column : {RollCallModel::RoleColumn, RollCallModel::ConditionColumn, RollCallModel::StateColumn})
            QVERIFY2(roundView->columnViewportPosition(column) + roundView->columnWidth(column) <=
                         roundView->viewport()->width(),
                     qPrintable(QString::number(column)));

        // Names and conditions are never cut: each cell is as many lines tall as its text needs.
        const auto wholeIn = [](const QTreeView *view, const QModelIndex &index) {
            QFont font = view->font();
            font.setBold(true); // missed rows and conditions are bold
            const int width = qMax(1, view->columnWidth(index.column()) - 14);
            const int advance = QFontMetrics(font).horizontalAdvance(index.data().toString());
            const int lines = (advance + width - 1) / width;
            return view->visualRect(index).height() >= lines * QFontMetrics(font).lineSpacing() &&
                   (lines == 1 || view->wordWrap());
        };
        for (int row = 0; row < missed->model()->rowCount(); ++row) {
            const QModelIndex who = missed->model()->index(row, MissedModel::WhoColumn);
            QTRY_VERIFY2(wholeIn(missed, who), qPrintable(QStringLiteral("%1 in %2 px (view %3)")
                                                              .arg(who.data().toString())
                                                              .arg(missed->columnWidth(MissedModel::WhoColumn))
                                                              .arg(missed->viewport()->width())));
        }
        const QModelIndex noAnswer = roundView->model()->index(0, RollCallModel::ConditionColumn);
        QTRY_VERIFY2(wholeIn(roundView, noAnswer), qPrintable(noAnswer.data().toString()));
        auto *source = window.findChild<QLabel *>(QStringLiteral("shadowSource"));
        window.setFollowing(QStringLiteral("/srv/incidents/global-cdn-outage.sqlite"));
        QTRY_VERIFY2(QFontMetrics(source->font()).horizontalAdvance(source->text()) <= source->width() ||
                         (source->wordWrap() && source->height() >= source->heightForWidth(source->width())),
                     qPrintable(QStringLiteral("%1 in %2 px").arg(source->text()).arg(source->width())));

        // The title on one or two lines, beside the severity.
        auto *title = window.findChild<QLabel *>(QStringLiteral("shadowTitle"));
        QVERIFY2(title->height() <= 2 * QFontMetrics(title->font()).lineSpacing() + 4,
                 qPrintable(QString::number(title->height())));

        // Actions and Needs whole, on a second line where they must; the state folded into the condition.
        QVERIFY(roundView->isColumnHidden(RollCallModel::StateColumn));
        const QModelIndex pending = roundView->model()->index(2, RollCallModel::ConditionColumn);
        QCOMPARE(pending.data().toString(), RollCallVocabulary::stateLabel(RollCallItemState::Pending));
        CanReport report;
        report.condition = Condition::Down;
        report.actions = QStringLiteral("rolling AMS");
        report.needs = QStringLiteral("approval to drain AMS and FRA");
        QVERIFY(f.store->rollCalls().answer(items.at(3).id, report, QStringLiteral("bo")).ok());
        const QModelIndex needs = roundView->model()->index(3, RollCallModel::NeedsColumn);
        QTRY_COMPARE(needs.data().toString(), report.needs);
        const QFontMetrics roundFont(roundView->font());
        const int lines =
            (roundFont.horizontalAdvance(report.needs) + roundView->columnWidth(RollCallModel::NeedsColumn) - 1) /
            qMax(1, roundView->columnWidth(RollCallModel::NeedsColumn) - 12);
        QTRY_VERIFY2(
            roundView->visualRect(needs).height() >= qMin(lines, 2) * roundFont.lineSpacing(),
            qPrintable(QStringLiteral("%1 px high, %2 lines").arg(roundView->visualRect(needs).height()).arg(lines)));

        // The role chart: a panel of its own, every staffed role's row in view.
        auto *chart = window.findChild<StaffedRoleList *>(QStringLiteral("shadowRoleChart"));
        QVERIFY2(chart->width() >= size.width() / 5 && chart->height() >= size.height() / 4,
                 qPrintable(QStringLiteral("%1×%2").arg(chart->width()).arg(chart->height())));
        for (const auto &[role, name] : staff) {
            const QRect row = chart->visualRect(chart->indexOfRole(role));
            QVERIFY2(chart->viewport()->rect().contains(row), qPrintable(role));
        }

        // The timeline: rows to read, and the long entry on two lines instead of cut.
        const QTreeView *timeline = window.timelineView();
        QModelIndex wrapped;
        QModelIndex shorter;
        for (int row = 0; row < timeline->model()->rowCount(); ++row) {
            const QModelIndex index = timeline->model()->index(row, TimelineModel::TextColumn);
            if (index.data().toString().startsWith(QStringLiteral("Config disabled")))
                wrapped = index;
            else if (index.data().toString().startsWith(QStringLiteral("POP 9")))
                shorter = index;
        }
        QVERIFY(wrapped.isValid() && shorter.isValid());
        QVERIFY2(timeline->visualRect(wrapped).height() > timeline->visualRect(shorter).height() * 3 / 2,
                 qPrintable(QStringLiteral("%1 vs %2")
                                .arg(timeline->visualRect(wrapped).height())
                                .arg(timeline->visualRect(shorter).height())));
        QVERIFY2(timeline->viewport()->height() >= 5 * timeline->visualRect(shorter).height(),
                 qPrintable(QString::number(timeline->viewport()->height())));
    }

    // Entries that arrive above the reader's place are announced, on screen and to AT.
    void announcesNewEntriesAboveTheReader()
    {
        UiFixture f;
        const qint64 id = f.declare(QStringLiteral("Long call"));
        for (int i = 0; i < 80; ++i)
            log(*f.store, id, QStringLiteral("Entry %1").arg(i));
        ShadowWindow window(*f.store, f.clock, nullptr);
        window.setIncident(id);
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *note = window.findChild<QAbstractButton *>(QStringLiteral("shadowNewEntries"));
        QVERIFY(note && !note->isVisible());
        log(*f.store, id, QStringLiteral("at the top, nothing to announce"));
        QVERIFY(!note->isVisible());

        QScrollBar *bar = window.timelineView()->verticalScrollBar();
        bar->setValue(bar->maximum() / 2);
        log(*f.store, id, QStringLiteral("new one"));
        log(*f.store, id, QStringLiteral("another"));
        QVERIFY(note->isVisible());
        QCOMPARE(window.unseenEntries(), 2);
        QCOMPARE(note->text(), QStringLiteral("2 new entries ↑"));
        QCOMPARE(note->accessibleName(), note->text());
        // (The offscreen platform has no accessibility bridge to hear the alert that goes with it.)
        // Going back to the top has read them.
        QTest::mouseClick(note, Qt::LeftButton);
        QTRY_COMPARE(bar->value(), bar->minimum());
        QVERIFY(!note->isVisible());
        QCOMPARE(window.unseenEntries(), 0);
    }

    // A reader who scrolled down to read keeps the same entry in view when new ones arrive.
    void keepsTheReadersPlace()
    {
        UiFixture f;
        const qint64 id = f.declare(QStringLiteral("Long call"));
        for (int i = 0; i < 80; ++i)
            log(*f.store, id, QStringLiteral("Entry %1").arg(i));
        ShadowWindow window(*f.store, f.clock, nullptr);
        window.setIncident(id);
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTreeView *view = window.timelineView();
        QScrollBar *bar = view->verticalScrollBar();

        // At the top: the new entry shows at the top.
        log(*f.store, id, QStringLiteral("Newest while at the top"));
        QCOMPARE(bar->value(), 0);
        QCOMPARE(view->indexAt(QPoint(1, 1)).siblingAtColumn(TimelineModel::TextColumn).data().toString(),
                 QStringLiteral("Newest while at the top"));

        view->scrollTo(view->model()->index(30, 0), QAbstractItemView::PositionAtTop);
        QTRY_VERIFY(bar->value() > 0);
        const QModelIndex top = view->indexAt(QPoint(1, 1));
        const qint64 reading = top.data(TimelineModel::EntryIdRole).toLongLong();
        const int offset = view->visualRect(top).top();
        for (int i = 0; i < 3; ++i)
            log(*f.store, id, QStringLiteral("Arrived while reading %1").arg(i));
        const QModelIndex after = view->indexAt(QPoint(1, 1));
        QCOMPARE(after.data(TimelineModel::EntryIdRole).toLongLong(), reading);
        QCOMPARE(view->visualRect(after).top(), offset);
    }

    // A follower in this process: a read-only store on the same file sees the writer's commits.
    void readOnlyFollowerCatchesUp()
    {
        UiFixture f;
        const qint64 id = f.declare(QStringLiteral("Followed"));
        StoreSession::Options options;
        options.mode = StoreSession::OpenMode::ReadOnly;
        const auto follower = f.openAnother(options);
        QVERIFY(follower);
        follower->session().setExternalPollInterval(100);
        ShadowWindow window(*follower, f.clock, nullptr);
        window.setFollowing(f.db.path());
        window.openInitialIncident();
        window.show();
        QCOMPARE(window.incidentId(), id);
        QVERIFY(labelText(&window, "shadowSource").contains(QStringLiteral("read-only")));
        const int before = window.timelineModel()->rowCount();
        log(*f.store, id, QStringLiteral("Seen by the trainee"));
        QTRY_COMPARE_WITH_TIMEOUT(window.timelineModel()->rowCount(), before + 1, 1000);
        QVERIFY(f.store->incidents().setStatus(id, IncidentStatus::Identified, QStringLiteral("ana")).ok());
        QTRY_COMPARE_WITH_TIMEOUT(labelText(&window, "shadowStatus"),
                                  IncidentVocabulary::statusLabel(IncidentStatus::Identified), 1000);
        QVERIFY(labelText(&window, "shadowSource").contains(QStringLiteral("last change")));
        // A later incident shows in the chooser.
        const qint64 second = f.declare(QStringLiteral("Second one"));
        auto *combo = window.findChild<QComboBox *>(QStringLiteral("shadowIncidentCombo"));
        QVERIFY(combo && combo->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(combo->count(), 2, 1000);
        QVERIFY(second > 0);
    }

    void notesArePinnedBesideTheirMoment()
    {
        UiFixture f;
        const qint64 id = f.declare(QStringLiteral("Noted"));
        log(*f.store, id, QStringLiteral("IC asks for objections"));
        TraineeNotes notes(f.clock);
        QVERIFY(notes.open(f.db.path(QStringLiteral("notes.sqlite"))).ok());
        ShadowWindow window(*f.store, f.clock, &notes);
        window.setIncident(id);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QByteArray incidentFile = TempDatabase::fingerprint(f.db.path());

        auto *edit = window.findChild<QLineEdit *>(QStringLiteral("shadowNoteEdit"));
        QVERIFY(edit && edit->isEnabled());
        // Refused: no text, nothing saved.
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(window.noteModel()->rowCount(), 0);
        QVERIFY(!labelText(&window, "shadowNoteMessage").isEmpty());

        window.timelineView()->setCurrentIndex(window.timelineView()->model()->index(0, 0));
        QTest::keyClicks(edit, QStringLiteral("why no vote?"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(window.noteModel()->rowCount(), 1);
        QVERIFY(edit->text().isEmpty());
        QCOMPARE(window.noteModel()->noteAt(0).momentUtc,
                 window.timelineModel()->index(0, 0).data(TimelineModel::OccurredAtRole).toDateTime());
        QVERIFY(window.timelineView()
                    ->model()
                    ->index(0, TimelineModel::TextColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("note: why no vote?")));
        // The incident database never sees a note.
        QCOMPARE(TempDatabase::fingerprint(f.db.path()), incidentFile);

        auto *list = window.findChild<QListView *>(QStringLiteral("shadowNotes"));
        list->setCurrentIndex(window.noteModel()->index(0));
        QVERIFY(window.notesPanel()->deleteSelectedNote());
        QCOMPARE(window.noteModel()->rowCount(), 0);
        QVERIFY(!window.timelineView()
                     ->model()
                     ->index(0, TimelineModel::TextColumn)
                     .data()
                     .toString()
                     .contains(QStringLiteral("note:")));
    }

    void consoleOpensTheShadowView()
    {
        UiFixture f;
        const qint64 first = f.declare(QStringLiteral("First"));
        const qint64 second = f.declare(QStringLiteral("Second"));
        MainWindow &window = f.makeWindow();
        QVERIFY(window.openIncident(first));
        auto *action = window.findChild<QAction *>(QStringLiteral("shadowViewAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::Key_F8));
        action->trigger();
        ShadowWindow *shadow = window.shadowWindow();
        QVERIFY(shadow);
        QTRY_VERIFY(shadow->isVisible());
        QCOMPARE(shadow->incidentId(), first);
        QVERIFY(window.openIncident(second));
        QCOMPARE(shadow->incidentId(), second);
        QVERIFY(window.findChild<QAction *>(QStringLiteral("replayAction")));
    }

    void replayPlaysTheStoryAtTheChosenSpeed()
    {
        UiFixture f;
        const qint64 id = f.declare(QStringLiteral("Yesterday's outage"));
        f.clock.advanceSecs(60);
        log(*f.store, id, QStringLiteral("Restarted the pods"));
        f.clock.advanceSecs(240);
        log(*f.store, id, QStringLiteral("Rolled back release 41"));
        f.clock.advanceSecs(60);
        QVERIFY(f.store->resolution()
                    .resolve(id, {{QStringLiteral("*"), QStringLiteral("drill")}}, QStringLiteral("ana"))
                    .ok());
        const qint64 open = f.declare(QStringLiteral("Still open"));
        TimelinePage page;
        page.incidentId = id;
        const qsizetype recorded = f.store->timeline().entries(page)->size(); // declared, two actions, the resolution
        QVERIFY(recorded >= 4);

        QString error;
        QVERIFY(!openReplayWindow(*f.store, f.clock, nullptr, open, nullptr, &error));
        QVERIFY2(error.contains(QStringLiteral("still open")), qPrintable(error));

        ShadowWindow *replay = openReplayWindow(*f.store, f.clock, nullptr, id, nullptr, &error);
        QVERIFY2(replay, qPrintable(error));
        std::unique_ptr<ShadowWindow> owner(replay);
        replay->setAttribute(Qt::WA_DeleteOnClose, false);
        replay->show();
        auto *engine = replay->findChild<ReplayEngine *>();
        QVERIFY(engine);
        QVERIFY(labelText(replay, "shadowBanner").contains(QStringLiteral("Replay")));
        const int declared = replay->timelineModel()->rowCount();

        auto *speed60 = replay->findChild<QAbstractButton *>(QStringLiteral("shadowReplaySpeed60"));
        auto *play = replay->findChild<QAbstractButton *>(QStringLiteral("shadowReplayPlay"));
        auto *step = replay->findChild<QAbstractButton *>(QStringLiteral("shadowReplayStep"));
        QVERIFY(speed60 && play && step);
        speed60->click();
        play->click();
        QVERIFY(engine->isPlaying());
        f.clock.advanceSecs(1); // a replayed minute
        engine->tick();
        QCOMPARE(replay->timelineModel()->rowCount(), declared + 1);
        QCOMPARE(replay->timelineModel()->index(0, TimelineModel::TextColumn).data(TimelineModel::TextRole).toString(),
                 QStringLiteral("Restarted the pods"));
        QVERIFY(labelText(replay, "shadowReplayPosition").contains(QStringLiteral("T+00:01:00")));

        // Step: pause, and the next event is told.
        step->click();
        QVERIFY(!engine->isPlaying());
        QCOMPARE(replay->timelineModel()->index(0, TimelineModel::TextColumn).data(TimelineModel::TextRole).toString(),
                 QStringLiteral("Rolled back release 41"));
        // The incident itself is untouched by all of it.
        QCOMPARE(f.store->incidents().incident(id)->status, IncidentStatus::Resolved);
        QCOMPARE(f.store->timeline().entries(page)->size(), recorded);
    }
};

QTEST_MAIN(TstShadowView)
#include "tst_shadowview.moc"
