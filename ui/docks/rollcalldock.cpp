#include "rollcalldock.h"

#include "widgets/squeezescroll.h"

#include "db/incidentstore.h"
#include "domain/clock.h"
#include "models/missedmodel.h"
#include "models/rollcallmodel.h"
#include "session/incidentsession.h"
#include "undo/rollcallcommands.h"
#include "widgets/accessiblename.h"
#include "widgets/feedbacklabel.h"
#include "widgets/kindstyle.h"
#include "widgets/rollcalldelegate.h"
#include "widgets/rowsheighttableview.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace cp {

namespace {

// The condition picker: typed letters choose the condition whose name starts with them ("h",
// "de", "do", "u"; a pause starts afresh), and Enter records the answer like Enter in the fields.
class ConditionKeys final : public QObject
{
public:
    ConditionKeys(QComboBox *combo, std::function<void()> onEnter, QObject *parent)
        : QObject(parent), m_combo(combo), m_onEnter(std::move(onEnter))
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::FocusIn)
            m_typed.clear(); // a new item: a new search
        if (event->type() != QEvent::KeyPress)
            return QObject::eventFilter(watched, event);
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier) {
            m_onEnter();
            return true;
        }
        const QString text = key->text();
        if (text.size() != 1 || !text.at(0).isLetter() || (key->modifiers() & ~Qt::ShiftModifier))
            return QObject::eventFilter(watched, event);
        if (!m_typing.isValid() || m_typing.elapsed() > 1000)
            m_typed.clear();
        m_typing.start();
        m_typed += text.toLower();
        if (!select(m_typed)) {
            m_typed = text.toLower(); // no match: this letter starts a new search
            select(m_typed);
        }
        return true;
    }

private:
    bool select(const QString &prefix)
    {
        for (int i = 0; i < m_combo->count(); ++i) {
            if (m_combo->itemText(i).startsWith(prefix, Qt::CaseInsensitive)) {
                m_combo->setCurrentIndex(i);
                return true;
            }
        }
        return false;
    }

    QComboBox *m_combo;
    std::function<void()> m_onEnter;
    QString m_typed;
    QElapsedTimer m_typing;
};

} // namespace

RollCallDock::RollCallDock(IncidentStore &store, const Clock &clock, QWidget *parent)
    : DeferredDock(QStringLiteral("rollCallDock"), parent), m_store(store), m_clock(clock),
      m_missed(new MissedModel(store, this))
{
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    createActions();
    retranslateUi();
}

void RollCallDock::updateFrame(IncidentSession *session)
{
    m_missed->setIncident(session ? session->incidentId() : 0);
}

QWidget *RollCallDock::buildContent()
{
    m_model = new RollCallModel(m_store, this);
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("rollCallPage"));

    // The round: which one is shown, how it stands, and starting or ending one.
    m_roundCombo = new QComboBox(page);
    m_roundCombo->setObjectName(QStringLiteral("roundCombo"));
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("roundSummary"));
    m_scopeCombo = new QComboBox(page);
    m_scopeCombo->setObjectName(QStringLiteral("rollCallScopeCombo"));
    m_timeboxSpin = new QSpinBox(page);
    m_timeboxSpin->setObjectName(QStringLiteral("rollCallTimeboxSpin"));
    m_timeboxSpin->setRange(0, 120);
    m_timeboxSpin->setSuffix(QStringLiteral(" min"));
    m_startButton = new QPushButton(page);
    m_startButton->setObjectName(QStringLiteral("startRoundButton"));
    m_endButton = new QPushButton(page);
    m_endButton->setObjectName(QStringLiteral("endRoundButton"));
    auto *roundRow = new QHBoxLayout;
    roundRow->addWidget(m_roundCombo);
    roundRow->addWidget(m_summary, 1);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_scopeCombo, 1);
    startRow->addWidget(m_timeboxSpin);
    startRow->addWidget(m_startButton);
    startRow->addWidget(m_endButton);

    m_view = new RowsHeightTableView(page);
    m_view->setObjectName(QStringLiteral("rollCallView"));
    // Tab leaves the table for the next control; the arrow keys move between cells.
    m_view->setTabKeyNavigation(false);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new RollCallDelegate(RollCallModel::ConditionColumn, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    const QFontMetrics metrics(m_view->font());
    header->resizeSection(RollCallModel::RoleColumn, metrics.horizontalAdvance(QStringLiteral("Deputy")) + 12);
    header->resizeSection(RollCallModel::HolderColumn,
                          metrics.horizontalAdvance(QStringLiteral("Fay Moreau-Ito")) + 12);
    header->setSectionResizeMode(RollCallModel::ConditionColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(RollCallModel::ActionsColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(RollCallModel::NeedsColumn, QHeaderView::Stretch);
    header->resizeSection(RollCallModel::StateColumn, metrics.horizontalAdvance(QStringLiteral("No answer")) + 12);
    header->resizeSection(RollCallModel::LastReportColumn,
                          metrics.horizontalAdvance(QStringLiteral("45 min ago")) + 12);

    // The answer form: the item being called, its CAN report.
    auto *form = new QWidget(page);
    form->setObjectName(QStringLiteral("answerForm"));
    m_callingLabel = new QLabel(form);
    m_callingLabel->setObjectName(QStringLiteral("callingLabel"));
    QFont callingFont = m_callingLabel->font();
    callingFont.setBold(true);
    callingFont.setPointSizeF(callingFont.pointSizeF() * 1.1);
    m_callingLabel->setFont(callingFont);
    m_conditionCombo = new QComboBox(form);
    m_conditionCombo->setObjectName(QStringLiteral("conditionCombo"));
    for (Condition c : RollCallVocabulary::allConditions())
        m_conditionCombo->addItem(QString(), static_cast<int>(c));
    m_conditionText = new QLineEdit(form);
    m_conditionText->setObjectName(QStringLiteral("conditionTextEdit"));
    m_actionsEdit = new QLineEdit(form);
    m_actionsEdit->setObjectName(QStringLiteral("canActionsEdit"));
    m_needsEdit = new QLineEdit(form);
    m_needsEdit->setObjectName(QStringLiteral("canNeedsEdit"));
    m_recordButton = new QPushButton(form);
    m_recordButton->setObjectName(QStringLiteral("recordAnswerButton"));
    m_missButton = new QPushButton(form);
    m_missButton->setObjectName(QStringLiteral("noAnswerButton"));
    m_skipButton = new QPushButton(form);
    m_skipButton->setObjectName(QStringLiteral("skipButton"));
    m_needsButton = new QPushButton(form);
    m_needsButton->setObjectName(QStringLiteral("needsToActionButton"));
    m_feedback = new FeedbackLabel(QStringLiteral("rollCallFeedback"), form);
    m_feedback->keepSpace(); // the form does not jump as messages come and go
    auto *grid = new QGridLayout(form);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_callingLabel, 0, 0, 1, 4);
    for (int i = 0; i < 4; ++i) {
        m_labels[i] = new QLabel(form);
        grid->addWidget(m_labels[i], 1, i);
    }
    grid->addWidget(m_conditionCombo, 2, 0);
    grid->addWidget(m_conditionText, 2, 1);
    grid->addWidget(m_actionsEdit, 2, 2);
    grid->addWidget(m_needsEdit, 2, 3);
    m_labels[0]->setBuddy(m_conditionCombo);
    m_labels[1]->setBuddy(m_conditionText);
    m_labels[2]->setBuddy(m_actionsEdit);
    m_labels[3]->setBuddy(m_needsEdit);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(2, 2);
    grid->setColumnStretch(3, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_recordButton);
    buttons->addWidget(m_missButton);
    buttons->addWidget(m_skipButton);
    buttons->addWidget(m_needsButton);
    buttons->addStretch(1);
    grid->addLayout(buttons, 3, 0, 1, 4);
    grid->addWidget(m_feedback, 4, 0, 1, 4);

    // The Deputy's missed list.
    auto *missedPanel = new QWidget(page);
    m_missedTitle = new QLabel(missedPanel);
    m_missedTitle->setObjectName(QStringLiteral("missedTitle"));
    m_missedView = new QTreeView(missedPanel);
    m_missedView->setObjectName(QStringLiteral("missedView"));
    m_missedView->setModel(m_missed);
    m_missedView->setItemDelegate(new RollCallDelegate(-1, m_missedView));
    m_missedView->setRootIsDecorated(false);
    m_missedView->setUniformRowHeights(true);
    m_missedView->setAllColumnsShowFocus(true);
    m_missedView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_missedView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_missedView->header()->setSectionResizeMode(MissedModel::WhoColumn, QHeaderView::Stretch);
    m_missedView->header()->setStretchLastSection(false);
    m_dismissButton = new QPushButton(missedPanel);
    m_dismissButton->setObjectName(QStringLiteral("dismissMissedButton"));
    auto *missedHead = new QHBoxLayout;
    missedHead->addWidget(m_missedTitle, 1);
    missedHead->addWidget(m_dismissButton);
    auto *missedLayout = new QVBoxLayout(missedPanel);
    missedLayout->setContentsMargins(0, 0, 0, 0);
    missedLayout->addLayout(missedHead);
    missedLayout->addWidget(m_missedView, 1);

    // The grid is as tall as its round and no taller (RowsHeightTableView), nor is anything above
    // the missed list: the room under a short round goes to the missed list (the Deputy's), not to
    // blank rows. A long round scrolls within its share.
    form->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_summary->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *top = new QWidget(page);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setSizeConstraint(QLayout::SetMaximumSize);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(roundRow);
    topLayout->addLayout(startRow);
    topLayout->addWidget(m_view, 1);
    topLayout->addWidget(form);
    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->setObjectName(QStringLiteral("rollCallSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(missedPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2); // the Deputy circles back from this list
    // Small minimums, so the dock fits a laptop screen beside the timeline.
    const int rowHeight = m_view->fontMetrics().height() + 10;
    m_view->setMinimumHeight(rowHeight * 3);
    m_missedView->setMinimumHeight(rowHeight * 2);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);
    QWidget *frame = scrollWhenSqueezed(page, this);
    setTabOrder(m_view, m_conditionCombo);
    setTabOrder(m_conditionCombo, m_conditionText);
    setTabOrder(m_conditionText, m_actionsEdit);
    setTabOrder(m_actionsEdit, m_needsEdit);
    for (QAction *action : {m_missAction, m_skipAction, m_needsAction})
        frame->addAction(action); // within the dock: marks on the item being called
    m_missedView->addAction(m_dismissAction);

    connect(m_startButton, &QPushButton::clicked, this, &RollCallDock::startRound);
    connect(m_endButton, &QPushButton::clicked, this, &RollCallDock::endRound);
    connect(m_recordButton, &QPushButton::clicked, this, [this] { recordAnswer(false); });
    connect(m_missButton, &QPushButton::clicked, this, [this] { markCurrent(RollCallItemState::NoAnswer); });
    connect(m_skipButton, &QPushButton::clicked, this, [this] { markCurrent(RollCallItemState::Skipped); });
    connect(m_needsButton, &QPushButton::clicked, this, &RollCallDock::needsToAction);
    connect(m_dismissButton, &QPushButton::clicked, this, &RollCallDock::dismissMissed);
    for (QLineEdit *edit : {m_conditionText, m_actionsEdit, m_needsEdit})
        connect(edit, &QLineEdit::returnPressed, this, [this] { recordAnswer(false); });
    m_conditionCombo->installEventFilter(new ConditionKeys(
        m_conditionCombo, [this] { recordAnswer(false); }, this));
    connect(m_view, &QAbstractItemView::activated, this, [this] { focusAnswer(); });
    connect(m_missedView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        // Answer a missed call late: the form takes it, whichever round it belongs to.
        m_itemId = m_missed->itemAt(index.row()).id;
        const int row = m_model->rowOf(m_itemId);
        if (row >= 0)
            m_view->setCurrentIndex(m_model->index(row, 0));
        m_itemId = m_missed->itemAt(index.row()).id;
        loadAnswer();
        updateForm();
        m_conditionCombo->setFocus(Qt::OtherFocusReason);
    });
    connect(m_roundCombo, &QComboBox::activated, this, [this](int index) {
        m_model->setRound(index <= 0 ? 0 : m_roundCombo->itemData(index).toLongLong());
        moveToNext(0);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_itemId = current.isValid() ? m_model->itemAt(current.row()).id : 0;
                loadAnswer();
                updateForm();
            });
    connect(m_model, &RollCallModel::roundsChanged, this, [this] {
        reloadRounds();
        updateSummary();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateSummary();
        moveToNext(0);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateSummary();
        updateForm();
    });
    connect(m_missed, &QAbstractItemModel::rowsInserted, this, &RollCallDock::updateSummary);
    connect(m_missed, &QAbstractItemModel::rowsRemoved, this, &RollCallDock::updateSummary);
    connect(m_missed, &QAbstractItemModel::modelReset, this, &RollCallDock::updateSummary);
    connect(&m_store.roles(), &RoleRepository::roleChanged, this, [this](qint64 incidentId) {
        if (incidentId == m_incidentId)
            reloadScopes();
    });

    m_ageTimer.setInterval(AgeRefreshMs);
    m_ageTimer.setTimerType(Qt::CoarseTimer);
    m_ageTimer.callOnTimeout(this, &RollCallDock::refreshAges);
    m_ageTimer.start();

    retranslateUi();
    return frame;
}

RollCallDock::~RollCallDock() = default;

void RollCallDock::createActions()
{
    m_startAction = new QAction(this);
    m_startAction->setObjectName(QStringLiteral("startRollCallAction"));
    m_startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    connect(m_startAction, &QAction::triggered, this, [this] {
        reveal();
        startRound();
    });
    m_endAction = new QAction(this);
    m_endAction->setObjectName(QStringLiteral("endRollCallAction"));
    m_endAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    connect(m_endAction, &QAction::triggered, this, &RollCallDock::endRound);
    m_focusAction = new QAction(this);
    m_focusAction->setObjectName(QStringLiteral("focusRollCallAction"));
    m_focusAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(m_focusAction, &QAction::triggered, this, &RollCallDock::focusAnswer);

    // Within the dock: marks on the item being called.
    auto local = [this](const char *name, const QKeySequence &key) {
        auto *action = new QAction(this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        return action;
    };
    m_missAction = local("noAnswerAction", QKeySequence(Qt::Key_F5));
    connect(m_missAction, &QAction::triggered, this, [this] { markCurrent(RollCallItemState::NoAnswer); });
    m_skipAction = local("skipItemAction", QKeySequence(Qt::Key_F6));
    connect(m_skipAction, &QAction::triggered, this, [this] { markCurrent(RollCallItemState::Skipped); });
    m_needsAction = local("recordWithActionAction", QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_needsAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(m_needsAction, &QAction::triggered, this, [this] {
        ensureBuilt();
        const auto item = m_store.rollCalls().item(m_itemId);
        // On a report already recorded, Ctrl+Enter just turns its Needs into an action.
        if (item && item->state == RollCallItemState::Answered && m_needsEdit->text() == item->report.needs &&
            m_conditionText->text() == item->report.conditionText && m_actionsEdit->text() == item->report.actions)
            needsToAction();
        else
            recordAnswer(true);
    });
    m_dismissAction = new QAction(this);
    m_dismissAction->setObjectName(QStringLiteral("dismissMissedAction"));
    m_dismissAction->setShortcut(QKeySequence(Qt::Key_Delete));
    m_dismissAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_dismissAction, &QAction::triggered, this, &RollCallDock::dismissMissed);
}

QList<QAction *> RollCallDock::rollCallActions() const
{
    return {m_startAction, m_focusAction, m_missAction, m_skipAction, m_needsAction, m_endAction, m_dismissAction};
}

void RollCallDock::retranslateUi()
{
    setWindowTitle(tr("Roll call"));
    m_startAction->setText(tr("&Start a roll-call round"));
    m_endAction->setText(tr("&End the round"));
    m_focusAction->setText(tr("&Answer the roll call"));
    m_missAction->setText(tr("Mark &no answer"));
    m_skipAction->setText(tr("S&kip this role"));
    m_needsAction->setText(tr("Record and turn the &Needs into an action"));
    m_dismissAction->setText(tr("&Dismiss from the missed list"));
    if (!isBuilt())
        return;
    setAccessibleLabel(m_roundCombo, tr("Round"));
    setAccessibleLabel(m_scopeCombo, tr("Who the round calls"));
    setAccessibleLabel(m_timeboxSpin, tr("Time-box"));
    setAccessibleLabel(m_view, tr("Roll-call grid"));
    setAccessibleLabel(m_conditionCombo, tr("Condition"));
    setAccessibleLabel(m_conditionText, tr("Condition details"));
    setAccessibleLabel(m_actionsEdit, tr("Actions"));
    setAccessibleLabel(m_needsEdit, tr("Needs"));
    setAccessibleLabel(m_missedView, tr("Missed calls"));
    m_startButton->setText(tr("Start round"));
    m_endButton->setText(tr("End round"));
    m_scopeCombo->setToolTip(tr("Who the round calls"));
    m_timeboxSpin->setSpecialValueText(tr("no time-box"));
    m_timeboxSpin->setToolTip(tr("A countdown for the round"));
    for (int i = 0; i < m_conditionCombo->count(); ++i)
        m_conditionCombo->setItemText(
            i, RollCallVocabulary::conditionLabel(static_cast<Condition>(m_conditionCombo->itemData(i).toInt())));
    m_labels[0]->setText(tr("&Condition"));
    m_labels[1]->setText(tr("In a &word"));
    m_labels[2]->setText(tr("&Actions under way"));
    m_labels[3]->setText(tr("&Needs"));
    m_conditionText->setPlaceholderText(tr("e.g. 4% of payments fail"));
    m_actionsEdit->setPlaceholderText(tr("what they are doing"));
    m_needsEdit->setPlaceholderText(tr("what they need"));
    m_recordButton->setText(tr("Record (Enter)"));
    m_missButton->setText(tr("No answer (F5)"));
    m_skipButton->setText(tr("Skip (F6)"));
    m_needsButton->setText(tr("Needs → action (Ctrl+Enter)"));
    m_dismissButton->setText(tr("Dismiss"));
    m_dismissButton->setToolTip(tr("Take the selected call off the missed list (Delete)"));
    reloadScopes();
    reloadRounds();
    updateSummary();
    updateForm();
}

void RollCallDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    DeferredDock::changeEvent(event);
}

void RollCallDock::showSession(IncidentSession *session)
{
    m_session = session;
    m_incidentId = session ? session->incidentId() : 0;
    m_itemId = 0;
    m_model->setIncident(m_incidentId);
    reloadScopes();
    reloadRounds();
    updateSummary();
    moveToNext(0);
    setEnabled(session);
}

void RollCallDock::reloadScopes()
{
    const QString wanted = m_scopeCombo->currentData().toString();
    m_scopeCombo->clear();
    m_scopeCombo->addItem(tr("Everyone holding a role"), QString());
    if (m_incidentId <= 0 || !m_store.session().isOpen())
        return;
    auto roles = m_store.roles().list(m_incidentId);
    if (!roles)
        return;
    QStringList teams;
    for (const IncidentRole &r : std::as_const(*roles)) {
        if (r.isVacant())
            continue;
        m_scopeCombo->addItem(tr("Only %1").arg(r.definition.title), QStringLiteral("role:") + r.definition.key);
        if (!r.subTeam.isEmpty() && !teams.contains(r.subTeam))
            teams << r.subTeam;
    }
    for (const QString &team : std::as_const(teams))
        m_scopeCombo->addItem(tr("Sub-team %1").arg(team), QStringLiteral("team:") + team);
    const int index = m_scopeCombo->findData(wanted);
    m_scopeCombo->setCurrentIndex(qMax(0, index));
}

void RollCallDock::reloadRounds()
{
    m_roundCombo->clear();
    const QList<RollCall> rounds = m_model->rounds();
    if (rounds.isEmpty()) {
        m_roundCombo->addItem(tr("No round yet"), qint64(0));
        m_roundCombo->setEnabled(false);
        return;
    }
    m_roundCombo->setEnabled(true);
    for (auto it = rounds.crbegin(); it != rounds.crend(); ++it) {
        const QString when = it->startedAt.toLocalTime().toString(QStringLiteral("HH:mm"));
        m_roundCombo->addItem(it->isOpen() ? tr("Round %1 — open").arg(it->number)
                                           : tr("Round %1 — %2").arg(it->number).arg(when),
                              it->id);
    }
    const int index = m_model->followsLatest() ? 0 : m_roundCombo->findData(m_model->roundId());
    m_roundCombo->setCurrentIndex(qMax(0, index));
}

void RollCallDock::updateSummary()
{
    const RollCall round = m_model->round();
    if (round.id <= 0) {
        m_summary->setText(tr("No roll call yet: Ctrl+Shift+G starts one."));
    } else {
        const int answered = m_model->countInState(RollCallItemState::Answered);
        const int noAnswer = m_model->countInState(RollCallItemState::NoAnswer);
        const int skipped = m_model->countInState(RollCallItemState::Skipped);
        const int waiting = m_model->countInState(RollCallItemState::Pending);
        QString text = tr("%1 of %2 answered").arg(answered).arg(m_model->rowCount() - skipped);
        if (noAnswer > 0)
            text += tr(" · %1 no answer").arg(noAnswer);
        if (skipped > 0)
            text += tr(" · %1 skipped").arg(skipped);
        if (waiting > 0)
            text += tr(" · %1 to call").arg(waiting);
        if (!round.isOpen())
            text += tr(" · closed");
        m_summary->setText(text);
    }
    m_endButton->setEnabled(round.id > 0 && round.isOpen() && m_model->followsLatest());
    m_endAction->setEnabled(m_endButton->isEnabled());
    const int missed = m_missed->rowCount();
    m_missedTitle->setText(missed == 0 ? tr("Missed: nobody — every call was answered")
                                       : tr("Missed — not answered yet (%1)").arg(missed));
    QPalette palette = m_missedTitle->palette();
    palette.setColor(QPalette::WindowText,
                     missed > 0 ? KindStyle::errorColor() : m_summary->palette().color(QPalette::WindowText));
    m_missedTitle->setPalette(palette);
    QFont font = m_missedTitle->font();
    font.setBold(missed > 0);
    m_missedTitle->setFont(font);
    m_dismissButton->setEnabled(missed > 0);
}

void RollCallDock::updateForm()
{
    auto item = m_itemId > 0 ? m_store.rollCalls().item(m_itemId) : Result<RollCallItem>(StoreError());
    const bool have = m_itemId > 0 && item.ok();
    for (QWidget *w : std::initializer_list<QWidget *>{m_conditionCombo, m_conditionText, m_actionsEdit, m_needsEdit,
                                                       m_recordButton, m_missButton, m_skipButton})
        w->setEnabled(have);
    m_needsButton->setEnabled(have && item->state == RollCallItemState::Answered && !item->report.needs.isEmpty());
    if (!have) {
        m_callingLabel->setText(m_model->round().id > 0 ? tr("Select a role to answer for.") : QString());
        return;
    }
    QString text = tr("Calling: %1").arg(item->label());
    if (item->rollCallId != m_model->round().id || !m_model->round().isOpen())
        text += tr(" — round %1, answering late").arg(item->roundNumber);
    else if (item->state == RollCallItemState::Answered)
        text += tr(" — answered; Enter corrects it");
    else if (item->isMissed())
        text += tr(" — no answer so far");
    m_callingLabel->setText(text);
}

void RollCallDock::loadAnswer()
{
    auto item = m_itemId > 0 ? m_store.rollCalls().item(m_itemId) : Result<RollCallItem>(StoreError());
    const bool answered = item.ok() && m_itemId > 0 && item->state == RollCallItemState::Answered;
    const CanReport can = answered ? item->report : CanReport();
    m_conditionCombo->setCurrentIndex(answered ? qMax(0, m_conditionCombo->findData(static_cast<int>(can.condition)))
                                               : 0);
    m_conditionText->setText(can.conditionText);
    m_actionsEdit->setText(can.actions);
    m_needsEdit->setText(can.needs);
}

void RollCallDock::moveToNext(int fromRow)
{
    int row = m_model->nextPendingRow(fromRow);
    if (row < 0)
        row = m_model->nextPendingRow(0);
    if (row < 0) {
        if (m_model->rowCount() > 0 && !m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_model->index(0, 0));
        if (m_model->round().isOpen() && m_model->rowCount() > 0)
            m_feedback->say(tr("Everyone has been called: Ctrl+Shift+X ends the round."));
        updateForm();
        return;
    }
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->scrollTo(m_model->index(row, 0));
}

void RollCallDock::selectItem(qint64 itemId)
{
    ensureBuilt();
    const int row = m_model->rowOf(itemId);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void RollCallDock::focusAnswer()
{
    reveal();
    if (!m_view->currentIndex().isValid())
        moveToNext(0);
    m_conditionCombo->setFocus(Qt::ShortcutFocusReason);
}

void RollCallDock::refreshAges()
{
    ensureBuilt();
    m_model->refreshAges();
    m_missed->refreshAges();
}

bool RollCallDock::refuse(const QString &why)
{
    m_feedback->sayError(why);
    return false;
}

bool RollCallDock::startRound()
{
    ensureBuilt();
    if (!m_session)
        return false;
    RollCallSelection selection;
    const QString scope = m_scopeCombo->currentData().toString();
    if (scope.startsWith(QLatin1String("role:")))
        selection.roleKeys = {scope.mid(5)};
    else if (scope.startsWith(QLatin1String("team:")))
        selection.subTeam = scope.mid(5);
    selection.timeboxMs = qint64(m_timeboxSpin->value()) * 60 * 1000;
    const QString author = m_session->author();
    auto id = m_session->write([&] { return m_store.rollCalls().start(m_incidentId, selection, author); });
    if (!m_feedback->sayOutcome(id.error()))
        return false;
    m_model->setRound(0);
    moveToNext(0);
    m_conditionCombo->setFocus(Qt::OtherFocusReason);
    return true;
}

bool RollCallDock::endRound()
{
    ensureBuilt();
    const RollCall round = m_model->round();
    if (round.id <= 0 || !round.isOpen() || !m_session)
        return refuse(tr("There is no open round to end."));
    const QString author = m_session->author();
    if (!m_feedback->sayOutcome(m_session->write([&] { return m_store.rollCalls().end(round.id, author); })))
        return false;
    m_feedback->say(tr("Round %1 closed; its summary is on the timeline.").arg(round.number));
    return true;
}

bool RollCallDock::recordAnswer(bool needsToAction)
{
    ensureBuilt();
    auto item = m_store.rollCalls().item(m_itemId);
    if (m_itemId <= 0 || !item)
        return refuse(tr("Select the role that is answering."));
    if (!m_session)
        return false;
    CanReport can;
    can.condition = static_cast<Condition>(m_conditionCombo->currentData().toInt());
    can.conditionText = m_conditionText->text().trimmed();
    can.actions = m_actionsEdit->text().trimmed();
    can.needs = m_needsEdit->text().trimmed();
    if (needsToAction && can.needs.isEmpty())
        return refuse(tr("Type the Needs first: they become the action."));
    if (!m_feedback->sayOutcome(m_session->run(std::make_unique<RollCallItemCommand>(
            m_store, &m_session->saveStatus(), *item, RollCallItemState::Answered, can, m_session->author()))))
        return false;
    const int row = m_model->rowOf(item->id);
    if (needsToAction && !this->needsToAction())
        return false;
    if (!needsToAction)
        m_feedback->say(tr("Recorded %1.").arg(item->label()));
    moveToNext(row >= 0 ? row + 1 : 0);
    loadAnswer();
    m_conditionCombo->setFocus(Qt::OtherFocusReason);
    return true;
}

bool RollCallDock::markCurrent(RollCallItemState state)
{
    ensureBuilt();
    auto item = m_store.rollCalls().item(m_itemId);
    if (m_itemId <= 0 || !item)
        return refuse(tr("Select the role first."));
    if (!m_session)
        return false;
    if (!m_feedback->sayOutcome(m_session->run(std::make_unique<RollCallItemCommand>(
            m_store, &m_session->saveStatus(), *item, state, CanReport(), m_session->author()))))
        return false;
    m_feedback->say(state == RollCallItemState::NoAnswer
                        ? tr("No answer from %1: on the missed list.").arg(item->label())
                        : tr("Skipped %1.").arg(item->label()));
    const int row = m_model->rowOf(item->id);
    moveToNext(row >= 0 ? row + 1 : 0);
    m_conditionCombo->setFocus(Qt::OtherFocusReason);
    return true;
}

bool RollCallDock::needsToAction()
{
    ensureBuilt();
    auto item = m_store.rollCalls().item(m_itemId);
    if (m_itemId <= 0 || !item || !m_session)
        return refuse(tr("Select a report with Needs first."));
    NewAction action;
    action.incidentId = m_incidentId;
    action.originItemId = item->id;
    const QString author = m_session->author();
    auto id = m_session->write([&] { return m_store.rollCalls().addAction(action, author); });
    if (!m_feedback->sayOutcome(id.error()))
        return false;
    m_feedback->say(
        tr("Action #%1 from %2's Needs: give it an owner in the Actions panel.").arg(*id).arg(item->label()));
    emit actionCreated(*id);
    return true;
}

bool RollCallDock::dismissMissed()
{
    ensureBuilt();
    const QModelIndex current = m_missedView->currentIndex();
    if (!current.isValid() || !m_session)
        return refuse(tr("Select a missed call to dismiss."));
    // The row is one person, however many rounds they missed: every miss leaves the list.
    const QList<RollCallItem> misses = m_missed->itemsAt(current.row());
    const QString author = m_session->author();
    return m_feedback->sayOutcome(m_session->write([&] {
        for (const RollCallItem &item : misses) {
            if (const StoreError error = m_store.rollCalls().dismissMissed(item.id, author); !error.ok())
                return error;
        }
        return StoreError();
    }));
}

} // namespace cp
