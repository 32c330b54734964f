#include "actionsdock.h"

#include "widgets/squeezescroll.h"

#include "db/incidentstore.h"
#include "dialogs/decisiondialog.h"
#include "models/actionmodel.h"
#include "session/incidentsession.h"
#include "undo/rollcallcommands.h"
#include "widgets/accessiblename.h"
#include "widgets/feedbacklabel.h"
#include "widgets/kindstyle.h"

#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace cp {

namespace {

// Closed actions greyed, the status in its colour, follow-ups marked.
class ActionDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QString status = index.data(ActionModel::StatusKeyRole).toString();
        const ColorScheme scheme = KindStyle::schemeOf(option->palette);
        if (!index.data(ActionModel::OpenRole).toBool()) {
            option->palette.setColor(QPalette::Text, KindStyle::text(KindStyle::Tone::Quiet, scheme));
            if (status == QLatin1String("cancelled"))
                option->font.setStrikeOut(index.column() == ActionModel::TextColumn);
            return;
        }
        if (index.column() == ActionModel::StatusColumn) {
            option->font.setBold(true);
            if (status == QLatin1String("proposed"))
                option->palette.setColor(QPalette::Text, KindStyle::text(KindStyle::Tone::Warning, scheme));
            else if (status == QLatin1String("in-progress"))
                option->palette.setColor(QPalette::Text, KindStyle::text(KindStyle::Tone::Info, scheme));
        }
        if (index.column() == ActionModel::FollowUpColumn)
            option->palette.setColor(QPalette::Text, KindStyle::text(KindStyle::Tone::Accent, scheme));
    }
};

} // namespace

ActionsDock::ActionsDock(IncidentStore &store, QWidget *parent)
    : QDockWidget(parent), m_store(store), m_model(new ActionModel(store, this)),
      m_decisions(new DecisionModel(store, this))
{
    setObjectName(QStringLiteral("actionsDock"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);

    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("actionsPage"));
    m_line = new QLineEdit(page);
    m_line->setObjectName(QStringLiteral("newActionLine"));
    m_followUpCheck = new QCheckBox(page);
    m_followUpCheck->setObjectName(QStringLiteral("followUpCheck"));
    m_feedback = new FeedbackLabel(QStringLiteral("actionFeedback"), page);
    auto *lineRow = new QHBoxLayout;
    lineRow->addWidget(m_line, 1);
    lineRow->addWidget(m_followUpCheck);

    m_view = new QTreeView(page);
    m_view->setObjectName(QStringLiteral("actionsView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new ActionDelegate(m_view));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    const QFontMetrics metrics(m_view->font());
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->resizeSection(ActionModel::IdColumn, metrics.horizontalAdvance(QStringLiteral("#000")) + 12);
    header->setSectionResizeMode(ActionModel::TextColumn, QHeaderView::Stretch);
    header->resizeSection(ActionModel::OwnerColumn, metrics.horizontalAdvance(QStringLiteral("SME (Dana Reyes)")) + 16);
    header->resizeSection(ActionModel::StatusColumn, metrics.horizontalAdvance(QStringLiteral("In progress")) + 16);
    header->resizeSection(ActionModel::FollowUpColumn, metrics.horizontalAdvance(QStringLiteral("Postmortem")) + 16);

    auto *decisionsPanel = new QWidget(page);
    m_decisionsTitle = new QLabel(decisionsPanel);
    QFont bold = m_decisionsTitle->font();
    bold.setBold(true);
    m_decisionsTitle->setFont(bold);
    m_decisionButton = new QPushButton(decisionsPanel);
    m_decisionButton->setObjectName(QStringLiteral("recordDecisionButton"));
    m_decisionsView = new QTreeView(decisionsPanel);
    m_decisionsView->setObjectName(QStringLiteral("decisionsView"));
    m_decisionsView->setModel(m_decisions);
    m_decisionsView->setRootIsDecorated(false);
    m_decisionsView->setUniformRowHeights(true);
    m_decisionsView->setAllColumnsShowFocus(true);
    m_decisionsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_decisionsView->header()->setStretchLastSection(false);
    m_decisionsView->header()->resizeSection(DecisionModel::TimeColumn,
                                             metrics.horizontalAdvance(QStringLiteral("00:00")) + 16);
    m_decisionsView->header()->setSectionResizeMode(DecisionModel::ProposalColumn, QHeaderView::Stretch);
    m_decisionsView->header()->setSectionResizeMode(DecisionModel::ObjectionsColumn, QHeaderView::Stretch);
    auto *decisionsHead = new QHBoxLayout;
    decisionsHead->addWidget(m_decisionsTitle, 1);
    decisionsHead->addWidget(m_decisionButton);
    auto *decisionsLayout = new QVBoxLayout(decisionsPanel);
    decisionsLayout->setContentsMargins(0, 0, 0, 0);
    decisionsLayout->addLayout(decisionsHead);
    decisionsLayout->addWidget(m_decisionsView, 1);

    auto *top = new QWidget(page);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(lineRow);
    topLayout->addWidget(m_feedback);
    topLayout->addWidget(m_view, 1);
    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->setObjectName(QStringLiteral("actionsSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(decisionsPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    const int rowHeight = m_view->fontMetrics().height() + 8;
    m_view->setMinimumHeight(rowHeight * 3);
    m_decisionsView->setMinimumHeight(rowHeight * 2);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);
    setWidget(scrollWhenSqueezed(page, this));
    setTabOrder(m_line, m_view);

    createActions();
    connect(m_line, &QLineEdit::returnPressed, this, &ActionsDock::addFromLine);
    connect(m_decisionButton, &QPushButton::clicked, this, &ActionsDock::recordDecision);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ActionsDock::updateTitle);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ActionsDock::updateTitle);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ActionsDock::updateTitle);

    retranslateUi();
    setSession(nullptr);
}

ActionsDock::~ActionsDock() = default;

void ActionsDock::createActions()
{
    auto local = [this](const char *name, const QKeySequence &key) {
        auto *action = new QAction(this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(action);
        return action;
    };
    m_progressAction = local("actionInProgressAction", QKeySequence(Qt::Key_I));
    connect(m_progressAction, &QAction::triggered, this, [this] { setCurrentStatus(ActionStatus::InProgress); });
    m_doneAction = local("actionDoneAction", QKeySequence(Qt::Key_D));
    connect(m_doneAction, &QAction::triggered, this, [this] { setCurrentStatus(ActionStatus::Done); });
    m_cancelAction = local("actionCancelAction", QKeySequence(Qt::Key_Delete));
    connect(m_cancelAction, &QAction::triggered, this, [this] { setCurrentStatus(ActionStatus::Cancelled); });
    m_followUpAction = local("actionFollowUpAction", QKeySequence(Qt::Key_F));
    connect(m_followUpAction, &QAction::triggered, this, &ActionsDock::toggleCurrentFollowUp);

    m_focusLineAction = new QAction(this);
    m_focusLineAction->setObjectName(QStringLiteral("focusNewActionAction"));
    m_focusLineAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(m_focusLineAction, &QAction::triggered, this, [this] {
        show();
        raise();
        m_line->setFocus(Qt::ShortcutFocusReason);
        // An offered action waits for an owner after it: the cursor at its end, nothing selected
        // for the next key to replace.
        if (!m_offered.isEmpty() && m_line->text() == m_offered) {
            m_line->deselect();
            m_line->end(false);
        }
    });
    m_decisionAction = new QAction(this);
    m_decisionAction->setObjectName(QStringLiteral("recordDecisionAction"));
    m_decisionAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    connect(m_decisionAction, &QAction::triggered, this, &ActionsDock::recordDecision);
}

QList<QAction *> ActionsDock::actionActions() const
{
    return {m_progressAction, m_doneAction, m_cancelAction, m_followUpAction};
}

void ActionsDock::retranslateUi()
{
    setWindowTitle(tr("Actions and decisions"));
    setAccessibleLabel(m_line, tr("New action"));
    setAccessibleLabel(m_view, tr("Actions"));
    setAccessibleLabel(m_decisionsView, tr("Decisions"));
    m_line->setPlaceholderText(tr("New action, Enter adds it: “Roll back checkout @sme” — @role or @person owns it"));
    m_followUpCheck->setText(tr("Follow-up"));
    m_followUpCheck->setToolTip(tr("A preventive follow-up for the postmortem"));
    m_decisionButton->setText(tr("Record decision…"));
    m_focusLineAction->setText(tr("&New action"));
    m_decisionAction->setText(tr("Record a &decision…"));
    m_progressAction->setText(tr("Mark &in progress"));
    m_doneAction->setText(tr("Mark &done"));
    m_cancelAction->setText(tr("&Cancel the action"));
    m_followUpAction->setText(tr("Toggle &follow-up for the postmortem"));
    updateTitle();
}

void ActionsDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDockWidget::changeEvent(event);
}

void ActionsDock::updateTitle()
{
    m_decisionsTitle->setText(tr("Decisions"));
    const int open = m_model->openCount();
    setWindowTitle(open > 0 ? tr("Actions (%1 open) and decisions").arg(open) : tr("Actions and decisions"));
}

void ActionsDock::setSession(IncidentSession *session)
{
    m_session = session;
    m_incidentId = session ? session->incidentId() : 0;
    m_model->setIncident(m_incidentId);
    m_decisions->setIncident(m_incidentId);
    setEnabled(session);
    updateTitle();
}

bool ActionsDock::addFromLine()
{
    if (!m_session)
        return false;
    // Trailing "@owner" words: a role key of the incident, else a person on the roster.
    QStringList words = m_line->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    NewAction action;
    action.incidentId = m_incidentId;
    action.followUp = m_followUpCheck->isChecked();
    while (!words.isEmpty() && words.last().startsWith(QLatin1Char('@')) && words.last().size() > 1) {
        const QString owner = words.takeLast().mid(1);
        bool isRole = false;
        if (auto roles = m_store.roles().list(m_incidentId)) {
            for (const IncidentRole &r : std::as_const(*roles))
                isRole = isRole || r.definition.key.compare(owner, Qt::CaseInsensitive) == 0;
        }
        if (isRole) {
            action.ownerRoleKey = owner.toLower();
            continue;
        }
        auto person = m_store.roster().findPerson(owner);
        if (!person) {
            m_feedback->sayError(person.error().message());
            return false;
        }
        action.ownerPersonId = person->id;
    }
    action.text = words.join(QLatin1Char(' '));
    const QString author = m_session->author();
    auto id = m_session->write([&] { return m_store.rollCalls().addAction(action, author); });
    if (!m_feedback->sayOutcome(id.error()))
        return false;
    m_line->clear();
    m_followUpCheck->setChecked(false);
    selectAction(*id);
    return true;
}

bool ActionsDock::offerAction(const QString &text)
{
    if (m_incidentId <= 0 || !m_line->text().trimmed().isEmpty())
        return false;
    m_line->setText(text);
    m_offered = text;
    m_feedback->say(tr("From the timeline: add @owner if you like, Enter tracks it as an action."));
    return true;
}

qint64 ActionsDock::currentActionId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->actionAt(current.row()).id : 0;
}

void ActionsDock::selectAction(qint64 actionId)
{
    const int row = m_model->rowOf(actionId);
    if (row >= 0) {
        m_view->setCurrentIndex(m_model->index(row, 0));
        m_view->scrollTo(m_model->index(row, 0));
    }
}

bool ActionsDock::change(const ActionChange &change)
{
    const qint64 id = currentActionId();
    if (id <= 0 || !m_session) {
        m_feedback->sayError(tr("Select an action first."));
        return false;
    }
    const IncidentAction before = m_model->actionAt(m_model->rowOf(id));
    if (!m_feedback->sayOutcome(m_session->run(std::make_unique<UpdateActionCommand>(
            m_store, &m_session->saveStatus(), before, change, m_session->author()))))
        return false;
    selectAction(id);
    return true;
}

bool ActionsDock::setCurrentStatus(ActionStatus status)
{
    ActionChange c;
    c.status = status;
    return change(c);
}

bool ActionsDock::toggleCurrentFollowUp()
{
    const qint64 id = currentActionId();
    if (id <= 0)
        return change({});
    ActionChange c;
    c.followUp = !m_model->actionAt(m_model->rowOf(id)).followUp;
    return change(c);
}

void ActionsDock::recordDecision()
{
    if (!m_session)
        return;
    // The commander decides: the IC's holder by default.
    QString commander;
    if (auto roles = m_store.roles().list(m_incidentId)) {
        for (const IncidentRole &r : std::as_const(*roles)) {
            if (r.definition.parentKey.isEmpty() && !r.holders.isEmpty()) {
                commander = r.holders.first().name;
                break;
            }
        }
    }
    auto *dialog = new DecisionDialog(*m_session, commander, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace cp
