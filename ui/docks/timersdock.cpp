#include "timersdock.h"

#include "db/incidentstore.h"
#include "domain/clock.h"
#include "models/timermodel.h"
#include "preferences.h"
#include "session/incidentsession.h"
#include "timers/timerengine.h"
#include "timers/timerlineparser.h"
#include "timers/timerservice.h"
#include "widgets/accessiblename.h"
#include "widgets/feedbacklabel.h"
#include "widgets/narrowcolumns.h"
#include "widgets/timeralert.h"
#include "widgets/timerdelegate.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTreeView>
#include <QVBoxLayout>

namespace cp {

namespace {

constexpr int FlashIntervalMs = 350;
constexpr int FlashCount = 16; // about six seconds of flashing
const QList<int> SnoozeChoices{1, 3, 5};

} // namespace

TimersDock::TimersDock(IncidentStore &store, const Clock &clock, Preferences &preferences, TimerModel &model,
                       TimerService &service, QWidget *parent)
    : DeferredDock(QStringLiteral("timersDock"), parent), m_store(store), m_clock(clock), m_preferences(preferences),
      m_model(&model), m_alert(new TimerAlert(this))
{
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    m_alert->setMuted(m_preferences.timerSoundMuted());
    createActions();

    connect(m_model, &QAbstractItemModel::dataChanged, this, &TimersDock::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TimersDock::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TimersDock::updateActions);
    connect(&m_store.timers(), &TimerRepository::timerChanged, this, [this](qint64 incidentId, qint64 timerId) {
        if (incidentId != m_incidentId)
            return;
        // Acknowledged, snoozed or restarted (here or by another program): no longer flashing.
        if (m_flashing.contains(timerId)) {
            auto timer = m_store.timers().timer(timerId);
            if (!timer || timer->phaseAt(m_clock.nowUtc()) != TimerPhase::Expired)
                m_flashing.remove(timerId);
        }
    });
    const TimerEngine &engine = service.engine();
    connect(&engine, &TimerEngine::timerExpired, this, [this, &engine](qint64 timerId) {
        if (const auto timer = engine.timer(timerId))
            onExpired(*timer);
    });
    connect(&engine, &TimerEngine::timerDue, this, [this, &engine](qint64 timerId) {
        if (const auto timer = engine.timer(timerId))
            onDue(*timer);
    });

    m_flashTimer.setInterval(FlashIntervalMs);
    m_flashTimer.callOnTimeout(this, &TimersDock::flash);

    retranslateUi();
    updateActions();
}

QWidget *TimersDock::buildContent()
{
    m_delegate = new TimerDelegate(this);
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("timersPage"));
    m_line = new QLineEdit(page);
    m_line->setObjectName(QStringLiteral("newTimerLine"));
    QFont lineFont = m_line->font();
    lineFont.setPointSizeF(lineFont.pointSizeF() * 1.1);
    m_line->setFont(lineFont);
    connect(m_line, &QLineEdit::returnPressed, this, &TimersDock::startTimerLine);
    connect(m_line, &QLineEdit::textChanged, this, [this] {
        if (m_line->text().trimmed().isEmpty())
            m_feedback->clear();
    });
    m_feedback = new FeedbackLabel(QStringLiteral("newTimerFeedback"), page);

    m_view = new QTreeView(page);
    m_view->setObjectName(QStringLiteral("timersView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(TimerModel::LabelColumn, QHeaderView::Stretch);
    const QFontMetrics metrics(m_view->font());
    header->resizeSection(TimerModel::KindColumn, metrics.horizontalAdvance(QStringLiteral("Countdown")) + 16);
    header->resizeSection(TimerModel::OwnerColumn, metrics.horizontalAdvance(QStringLiteral("customer-liaison")) + 12);
    header->resizeSection(TimerModel::RemainingColumn, metrics.horizontalAdvance(QStringLiteral("+00:00:00")) * 3 / 2);
    header->resizeSection(TimerModel::StateColumn, metrics.horizontalAdvance(QStringLiteral("Acknowledged")) + 12);
    header->resizeSection(TimerModel::DeadlineColumn, metrics.horizontalAdvance(QStringLiteral("since 00:00:00")) + 12);
    // Beside the Scribe's log the board is narrow: the label stays readable, the kind, the due
    // time and then the owner make way for it.
    new NarrowColumns(header, TimerModel::LabelColumn,
                      metrics.horizontalAdvance(QStringLiteral("Check back with DB SME")),
                      {TimerModel::KindColumn, TimerModel::DeadlineColumn, TimerModel::OwnerColumn});
    connect(m_view, &QWidget::customContextMenuRequested, this, &TimersDock::showContextMenu);
    // The board's plain keys act on it only, never while typing.
    m_view->addActions({m_acknowledgeAction, m_snoozeAction, m_pauseAction, m_restartAction, m_cancelAction});
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &TimersDock::updateActions);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(m_line);
    layout->addWidget(m_feedback);
    layout->addWidget(m_view, 1);
    setTabOrder(m_line, m_view);

    retranslateUi();
    showFlashing();
    return page;
}

void TimersDock::showSession(IncidentSession *session)
{
    m_line->setEnabled(session);
}

void TimersDock::updateFrame(IncidentSession *session)
{
    m_incidentId = session ? session->incidentId() : 0;
    m_flashing.clear();
    showFlashing();
    updateActions();
}

TimersDock::~TimersDock() = default;

void TimersDock::createActions()
{
    auto make = [this](const char *name, const QKeySequence &key, void (TimersDock::*slot)()) {
        auto *action = new QAction(this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(key);
        // Plain letters act on the board only (buildContent adds them to it), never while typing.
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_acknowledgeAction = make("acknowledgeTimerAction", QKeySequence(Qt::Key_A), &TimersDock::acknowledgeCurrent);
    m_snoozeAction = new QAction(this);
    m_snoozeAction->setObjectName(QStringLiteral("snoozeTimerAction"));
    m_snoozeAction->setShortcut(QKeySequence(Qt::Key_S));
    m_snoozeAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_snoozeAction, &QAction::triggered, this, [this] { snoozeCurrent(DefaultSnoozeMinutes); });
    m_snoozeMenu = new QMenu(this);
    m_snoozeMenu->setObjectName(QStringLiteral("snoozeMenu"));
    for (int minutes : SnoozeChoices) {
        auto *action = m_snoozeMenu->addAction(QString());
        action->setObjectName(QStringLiteral("snoozeTimer%1Action").arg(minutes));
        action->setData(minutes);
        connect(action, &QAction::triggered, this, [this, minutes] { snoozeCurrent(minutes); });
        m_snoozeMinutesActions << action;
    }
    m_pauseAction = make("pauseTimerAction", QKeySequence(Qt::Key_P), &TimersDock::togglePauseCurrent);
    m_restartAction = make("restartTimerAction", QKeySequence(Qt::Key_R), &TimersDock::restartCurrent);
    m_cancelAction = make("cancelTimerAction", QKeySequence(Qt::Key_Delete), &TimersDock::cancelCurrent);

    m_focusLineAction = new QAction(this);
    m_focusLineAction->setObjectName(QStringLiteral("focusNewTimerAction"));
    m_focusLineAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_focusLineAction, &QAction::triggered, this, [this] {
        reveal();
        m_line->setFocus(Qt::ShortcutFocusReason);
    });
    m_focusBoardAction = new QAction(this);
    m_focusBoardAction->setObjectName(QStringLiteral("focusTimersAction"));
    m_focusBoardAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    connect(m_focusBoardAction, &QAction::triggered, this, [this] {
        reveal();
        m_view->setFocus(Qt::ShortcutFocusReason);
        if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0));
    });

    m_muteAction = new QAction(this);
    m_muteAction->setObjectName(QStringLiteral("muteTimersAction"));
    m_muteAction->setCheckable(true);
    m_muteAction->setChecked(m_preferences.timerSoundMuted());
    connect(m_muteAction, &QAction::toggled, this, [this](bool muted) {
        m_preferences.setTimerSoundMuted(muted);
        m_alert->setMuted(muted);
    });
}

QList<QAction *> TimersDock::timerActions() const
{
    return {m_acknowledgeAction, m_snoozeAction, m_pauseAction, m_restartAction, m_cancelAction};
}

void TimersDock::retranslateUi()
{
    setWindowTitle(tr("Timers"));
    m_acknowledgeAction->setText(tr("&Acknowledge"));
    m_snoozeAction->setText(tr("&Snooze 3 min"));
    m_snoozeMenu->setTitle(tr("Snooze &for"));
    for (QAction *action : std::as_const(m_snoozeMinutesActions))
        action->setText(tr("%n min", nullptr, action->data().toInt()));
    m_pauseAction->setText(tr("&Pause / resume"));
    m_restartAction->setText(tr("&Restart"));
    m_cancelAction->setText(tr("&Cancel timer"));
    m_focusLineAction->setText(tr("New &timer"));
    m_focusBoardAction->setText(tr("Go to the timer &board"));
    m_muteAction->setText(tr("&Mute timer sound"));
    if (!isBuilt())
        return;
    setAccessibleLabel(m_line, tr("New timer"));
    setAccessibleLabel(m_view, tr("Timer board"));
    m_line->setPlaceholderText(tr("New timer: 5m check DB SME · every 20m status update @comms · Enter starts it"));
    m_view->setToolTip(tr("A acknowledge · S snooze 3 min · P pause/resume · R restart · Delete cancel"));
}

void TimersDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    DeferredDock::changeEvent(event);
}

// ---------------------------------------------------------------------------------------------
// Starting and changing timers

bool TimersDock::startTimerLine()
{
    ensureBuilt();
    IncidentSession *session = this->session();
    if (!session)
        return false;
    const TimerLine line = TimerLineParser::parse(m_line->text());
    if (!line.isValid()) {
        m_feedback->sayError(line.error);
        return false;
    }
    TimerOptions options;
    options.ownerRoleKey = line.ownerRoleKey;
    const QString author = session->author();
    Result<qint64> started = session->write([&]() -> Result<qint64> {
        switch (line.kind) {
        case TimerKind::Countdown:
            return m_store.timers().startCountdown(m_incidentId, line.label, line.durationMs, options, author);
        case TimerKind::Cadence:
            return m_store.timers().startCadence(m_incidentId, line.label, line.durationMs, options, author);
        case TimerKind::Stopwatch:
            if (line.label.startsWith(QLatin1String("since declared"), Qt::CaseInsensitive)) {
                if (auto incident = m_store.incidents().incident(m_incidentId))
                    options.since = incident->declaredAt;
            }
            return m_store.timers().startStopwatch(m_incidentId, line.label, options, author);
        }
        return StoreError(StoreError::Code::Invalid, tr("Unknown timer kind"));
    });
    if (!m_feedback->sayOutcome(started.error(), tr("Not started: %1")))
        return false;
    m_line->clear();
    m_feedback->say(tr("Started “%1”").arg(line.label), FeedbackLabel::Tone::Done);
    selectTimer(*started);
    return true;
}

qint64 TimersDock::currentTimerId() const
{
    if (!isBuilt())
        return 0; // nothing can be selected on a board not built
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(TimerModel::TimerIdRole).toLongLong() : 0;
}

void TimersDock::selectTimer(qint64 timerId)
{
    ensureBuilt();
    const int row = m_model->rowOf(timerId);
    if (row < 0)
        return;
    // The board is most urgent first, and the most urgent timer stays in view: selecting one far
    // down (a timer just started) shows it only where that scrolls nothing urgent away.
    const QModelIndex index = m_model->index(row, 0);
    m_view->setAutoScroll(false);
    m_view->setCurrentIndex(index);
    m_view->setAutoScroll(true);
    m_view->scrollTo(index);
    const QRect first = m_view->visualRect(m_model->index(0, 0));
    if (!m_view->viewport()->rect().contains(first))
        m_view->scrollToTop();
}

void TimersDock::runOnCurrent(const std::function<StoreError(qint64 timerId, const QString &author)> &command)
{
    const qint64 id = currentTimerId();
    if (id <= 0 || !session())
        return;
    const QString author = session()->author();
    if (!m_feedback->sayOutcome(session()->write([&] { return command(id, author); })))
        return;
    m_flashing.remove(id);
    m_model->refreshRemaining();
    selectTimer(id);
    updateActions();
}

void TimersDock::acknowledgeCurrent()
{
    runOnCurrent([this](qint64 id, const QString &author) { return m_store.timers().acknowledge(id, author); });
}

void TimersDock::snoozeCurrent(int minutes)
{
    runOnCurrent(
        [this, minutes](qint64 id, const QString &author) { return m_store.timers().snooze(id, minutes, author); });
}

void TimersDock::togglePauseCurrent()
{
    runOnCurrent([this](qint64 id, const QString &author) {
        auto timer = m_store.timers().timer(id);
        if (!timer)
            return timer.error();
        return timer->state == TimerState::Paused ? m_store.timers().resume(id, author)
                                                  : m_store.timers().pause(id, author);
    });
}

void TimersDock::restartCurrent()
{
    runOnCurrent([this](qint64 id, const QString &author) { return m_store.timers().restart(id, author); });
}

void TimersDock::cancelCurrent()
{
    runOnCurrent([this](qint64 id, const QString &author) { return m_store.timers().cancel(id, author); });
}

// ---------------------------------------------------------------------------------------------
// Expiry: flash, sound, notification

void TimersDock::onExpired(const Timer &timer)
{
    QString title = tr("Timer expired: %1").arg(timer.label);
    QString message = timer.ownerRoleKey.isEmpty() ? tr("Acknowledge, snooze or restart it on the timer board.")
                                                   : tr("Owner: %1 — acknowledge, snooze or restart it on the "
                                                        "timer board.")
                                                         .arg(timer.ownerRoleKey);
    if (timer.incidentId == m_incidentId) {
        m_flashing.insert(timer.id, FlashCount);
        m_lit = true;
        showFlashing();
        if (!m_flashTimer.isActive())
            m_flashTimer.start();
    } else if (auto incident = m_store.incidents().incident(timer.incidentId)) {
        message = tr("Incident #%1 %2 — %3").arg(timer.incidentId).arg(incident->title, message);
    }
    m_alert->alert(title, message, window());
}

// Amber: the board shows it; a Deputy looking at another window is called to it.
void TimersDock::onDue(const Timer &timer)
{
    const QString left = TimerVocabulary::clockText(timer.remainingMsAt(m_clock.nowUtc()));
    QString message = timer.ownerRoleKey.isEmpty() ? tr("%1 left.").arg(left)
                                                   : tr("%1 left — owner: %2.").arg(left, timer.ownerRoleKey);
    if (timer.incidentId != m_incidentId) {
        if (auto incident = m_store.incidents().incident(timer.incidentId))
            message = tr("Incident #%1 %2 — %3").arg(timer.incidentId).arg(incident->title, message);
    }
    m_alert->callAttention(window(), tr("Timer due soon: %1").arg(timer.label), message);
}

void TimersDock::flash()
{
    for (auto it = m_flashing.begin(); it != m_flashing.end();) {
        if (--it.value() <= 0)
            it = m_flashing.erase(it);
        else
            ++it;
    }
    m_lit = !m_lit && !m_flashing.isEmpty();
    showFlashing();
    if (m_flashing.isEmpty())
        m_flashTimer.stop();
}

void TimersDock::showFlashing()
{
    if (!isBuilt())
        return;
    m_delegate->setFlashing(QSet<qint64>(m_flashing.keyBegin(), m_flashing.keyEnd()), m_lit);
    m_view->viewport()->update();
}

// ---------------------------------------------------------------------------------------------
// Menus, feedback, status

void TimersDock::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid())
        m_view->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(m_acknowledgeAction);
    menu.addAction(m_snoozeAction);
    menu.addMenu(m_snoozeMenu);
    menu.addAction(m_pauseAction);
    menu.addAction(m_restartAction);
    menu.addSeparator();
    menu.addAction(m_cancelAction);
    menu.addSeparator();
    menu.addAction(m_focusLineAction);
    menu.addAction(m_muteAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void TimersDock::updateActions()
{
    const QModelIndex current = isBuilt() ? m_view->currentIndex() : QModelIndex();
    const auto phase = current.isValid() ? static_cast<TimerPhase>(current.data(TimerModel::StateRole).toInt())
                                         : TimerPhase::Cancelled;
    const auto kind =
        current.isValid() ? static_cast<TimerKind>(current.data(TimerModel::KindRole).toInt()) : TimerKind::Countdown;
    const bool live = phase != TimerPhase::Acknowledged && phase != TimerPhase::Cancelled;
    const bool deadline = kind != TimerKind::Stopwatch;
    m_acknowledgeAction->setEnabled(live && deadline && phase != TimerPhase::Paused);
    m_snoozeAction->setEnabled(live && deadline);
    m_snoozeMenu->setEnabled(live && deadline);
    m_pauseAction->setEnabled(live);
    m_pauseAction->setText(phase == TimerPhase::Paused ? tr("Res&ume") : tr("&Pause"));
    m_restartAction->setEnabled(current.isValid() && phase != TimerPhase::Cancelled);
    m_cancelAction->setEnabled(live);
}

} // namespace cp
