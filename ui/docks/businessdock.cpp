#include "businessdock.h"

#include "widgets/squeezescroll.h"

#include "db/incidentstore.h"
#include "domain/roletemplate.h"
#include "models/emergencyopsmodel.h"
#include "models/stakeholdermodel.h"
#include "session/incidentsession.h"
#include "undo/businessundocommands.h"
#include "widgets/accessiblename.h"
#include "widgets/feedbacklabel.h"
#include "widgets/kindstyle.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace cp {

namespace {

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    // Tab leaves the table for the next control; the arrow keys move between cells.
    view->setTabKeyNavigation(false);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

BusinessDock::BusinessDock(IncidentStore &store, const RoleTemplateLibrary &templates, QWidget *parent)
    : DeferredDock(QStringLiteral("businessDock"), parent), m_store(store), m_templates(templates),
      m_declareAction(new QAction(this)), m_normalAction(new QAction(this)), m_focusAction(new QAction(this))
{
    m_declareAction->setObjectName(QStringLiteral("declareBusinessAction"));
    m_normalAction->setObjectName(QStringLiteral("returnToNormalAction"));
    m_focusAction->setObjectName(QStringLiteral("focusBusinessAction"));
    m_focusAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_declareAction, &QAction::triggered, this, &BusinessDock::askDeclare);
    connect(m_normalAction, &QAction::triggered, this, [this] {
        ensureBuilt();
        m_error->sayOutcome(returnToNormal());
    });
    connect(m_focusAction, &QAction::triggered, this, [this] {
        reveal();
        m_tabs->setCurrentIndex(0);
        m_emergencyView->setFocus();
    });
    // The Incident menu's two actions follow the business state before the content is built.
    connect(&m_store.business(), &BusinessRepository::businessChanged, this, [this](qint64 incidentId) {
        if (!isBuilt() && session() && incidentId == session()->incidentId())
            updateFrame(session());
    });
    retranslateUi();
    updateFrame(nullptr);
}

void BusinessDock::updateFrame(IncidentSession *session)
{
    if (isBuilt())
        return; // updateState() keeps the actions
    std::optional<BusinessState> state;
    if (session && m_store.session().isOpen()) {
        if (auto mode = m_store.business().mode(session->incidentId()); mode && mode->has_value())
            state = (*mode)->state;
    }
    m_incidentId = session ? session->incidentId() : 0;
    updateActions(state);
}

void BusinessDock::updateActions(std::optional<BusinessState> state)
{
    m_declareAction->setEnabled(m_incidentId > 0 && !state && !m_store.session().isReadOnly());
    m_normalAction->setEnabled(state && *state == BusinessState::Emergency);
}

QWidget *BusinessDock::buildContent()
{
    m_emergencyModel = new EmergencyOpsModel(m_store, this);
    m_stakeholderModel = new StakeholderModel(m_store, this);
    m_tabs = new QTabWidget(this);
    m_modeLabel = new QLabel(this);
    m_emergencyView = makeTable(this, QStringLiteral("emergencyOpsView"));
    m_tick = new QPushButton(this);
    m_newActivity = new QLineEdit(this);
    m_newOwner = new QComboBox(this);
    m_add = new QPushButton(this);
    m_normal = new QPushButton(this);
    m_briefingHint = new QLabel(this);
    m_saveBriefing = new QPushButton(this);
    m_departmentsLabel = new QLabel(this);
    m_stakeholderView = makeTable(this, QStringLiteral("stakeholderView"));
    m_method = new QComboBox(this);
    m_told = new QPushButton(this);
    m_inbound = new QTreeWidget(this);
    m_inboundTitle = new QLabel(this);
    m_inboundChannel = new QComboBox(this);
    m_inboundFrom = new QLineEdit(this);
    m_inboundQuestion = new QLineEdit(this);
    m_logInbound = new QPushButton(this);
    m_answerInbound = new QPushButton(this);
    m_error = new FeedbackLabel(QStringLiteral("businessError"), this);
    m_tabs->setObjectName(QStringLiteral("businessTabs"));
    m_modeLabel->setObjectName(QStringLiteral("businessModeLabel"));
    m_modeLabel->setWordWrap(true);

    // Emergency operations.
    m_emergencyView->setModel(m_emergencyModel);
    m_emergencyView->horizontalHeader()->setSectionResizeMode(EmergencyOpsModel::ActivityColumn, QHeaderView::Stretch);
    for (int column : {int(EmergencyOpsModel::OwnerColumn), int(EmergencyOpsModel::HaltedColumn)})
        m_emergencyView->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_emergencyView->verticalHeader()->setDefaultSectionSize(m_emergencyView->fontMetrics().height() + 8);
    m_emergencyView->installEventFilter(this);
    m_emergencyView->setMinimumHeight(m_emergencyView->fontMetrics().height() * 5);
    m_tick->setObjectName(QStringLiteral("tickActivityButton"));
    m_newActivity->setObjectName(QStringLiteral("newActivityEdit"));
    m_newOwner->setObjectName(QStringLiteral("newActivityOwner"));
    m_newOwner->addItem(QString(), QStringLiteral("marketing-officer"));
    m_newOwner->addItem(QString(), QStringLiteral("social-officer"));
    m_newOwner->addItem(QString(), QStringLiteral("media-officer"));
    m_add->setObjectName(QStringLiteral("addActivityButton"));
    m_normal->setObjectName(QStringLiteral("returnToNormalButton"));
    auto *opsPage = new QWidget(this);
    auto *ops = new QVBoxLayout(opsPage);
    ops->addWidget(m_modeLabel);
    ops->addWidget(m_emergencyView, 1);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_newActivity, 1);
    addRow->addWidget(m_newOwner);
    addRow->addWidget(m_add);
    ops->addLayout(addRow);
    auto *opsButtons = new QHBoxLayout;
    opsButtons->addWidget(m_tick);
    opsButtons->addStretch();
    opsButtons->addWidget(m_normal);
    ops->addLayout(opsButtons);
    m_tabs->addTab(opsPage, QString());

    // The first briefing.
    auto *briefPage = new QWidget(this);
    auto *briefLayout = new QVBoxLayout(briefPage);
    auto *form = new QFormLayout;
    for (const BriefingQuestion &q : BusinessVocabulary::briefingQuestions()) {
        auto *edit = new QLineEdit(briefPage);
        edit->setObjectName(QStringLiteral("briefing-%1").arg(q.key));
        auto *label = new QLabel(briefPage);
        label->setBuddy(edit);
        label->setWordWrap(true);
        m_briefing.insert(q.key, edit);
        m_briefingLabels.insert(q.key, label);
        form->addRow(label, edit);
        connect(edit, &QLineEdit::returnPressed, this, [this] { m_error->sayOutcome(saveBriefing()); });
    }
    m_briefingHint->setWordWrap(true);
    m_saveBriefing->setObjectName(QStringLiteral("saveBriefingButton"));
    briefLayout->addWidget(m_briefingHint);
    briefLayout->addLayout(form);
    auto *briefButtons = new QHBoxLayout;
    briefButtons->addStretch();
    briefButtons->addWidget(m_saveBriefing);
    briefLayout->addLayout(briefButtons);
    briefLayout->addStretch();
    m_tabs->addTab(scrollWhenSqueezed(briefPage, m_tabs), QString()); // eight questions: taller than the rest

    // Departments to tell.
    m_stakeholderView->setModel(m_stakeholderModel);
    m_stakeholderView->installEventFilter(this);
    m_method->setObjectName(QStringLiteral("noticeMethod"));
    m_method->setEditable(true);
    m_told->setObjectName(QStringLiteral("markToldButton"));
    auto *deptPage = new QWidget(this);
    auto *dept = new QVBoxLayout(deptPage);
    m_departmentsLabel->setWordWrap(true);
    dept->addWidget(m_departmentsLabel);
    dept->addWidget(m_stakeholderView, 1);
    auto *deptButtons = new QHBoxLayout;
    deptButtons->addWidget(m_method);
    deptButtons->addWidget(m_told);
    deptButtons->addStretch();
    dept->addLayout(deptButtons);
    m_tabs->addTab(deptPage, QString());

    // Inbound media and social questions.
    m_inbound->setObjectName(QStringLiteral("inboundList"));
    m_inbound->setRootIsDecorated(false);
    m_inbound->setColumnCount(5);
    m_inboundChannel->setObjectName(QStringLiteral("inboundChannel"));
    for (const QString &c : BusinessVocabulary::inboundChannels())
        m_inboundChannel->addItem(QString(), c);
    m_inboundFrom->setObjectName(QStringLiteral("inboundFrom"));
    m_inboundQuestion->setObjectName(QStringLiteral("inboundQuestion"));
    m_logInbound->setObjectName(QStringLiteral("logInboundButton"));
    m_answerInbound->setObjectName(QStringLiteral("answerInboundButton"));
    // The inbound questions stay in view under the tabs: a liaison answers them while ticking
    // the emergency checklist.
    auto *inPage = new QWidget(this);
    auto *in = new QVBoxLayout(inPage);
    in->setContentsMargins(0, 0, 0, 0);
    m_inboundTitle->setObjectName(QStringLiteral("inboundTitle"));
    m_inboundTitle->setBuddy(m_inbound);
    in->addWidget(m_inboundTitle);
    in->addWidget(m_inbound, 1);
    auto *inRow = new QHBoxLayout;
    inRow->addWidget(m_inboundChannel);
    inRow->addWidget(m_inboundFrom);
    inRow->addWidget(m_inboundQuestion, 2);
    inRow->addWidget(m_logInbound);
    in->addLayout(inRow);
    auto *inButtons = new QHBoxLayout;
    inButtons->addStretch();
    inButtons->addWidget(m_answerInbound);
    in->addLayout(inButtons);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("businessSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(m_tabs);
    split->addWidget(inPage);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split, 1);
    layout->addWidget(m_error);
    QWidget *frame = scrollWhenSqueezed(body, this);

    connect(m_tick, &QPushButton::clicked, this, [this] { m_error->sayOutcome(tickCurrentActivity()); });
    connect(m_normal, &QPushButton::clicked, this, [this] { m_error->sayOutcome(returnToNormal()); });
    const auto add = [this] {
        auto id = addActivity(m_newActivity->text(), m_newOwner->currentData().toString());
        m_error->sayOutcome(id.error());
        if (id)
            m_newActivity->clear();
    };
    connect(m_add, &QPushButton::clicked, this, add);
    connect(m_newActivity, &QLineEdit::returnPressed, this, add);
    connect(m_saveBriefing, &QPushButton::clicked, this, [this] { m_error->sayOutcome(saveBriefing()); });
    connect(m_told, &QPushButton::clicked, this,
            [this] { m_error->sayOutcome(notifyCurrentDepartment(m_method->currentText())); });
    const auto log = [this] {
        auto id =
            logInbound(m_inboundChannel->currentData().toString(), m_inboundFrom->text(), m_inboundQuestion->text());
        m_error->sayOutcome(id.error());
        if (id) {
            m_inboundFrom->clear();
            m_inboundQuestion->clear();
        }
    };
    connect(m_logInbound, &QPushButton::clicked, this, log);
    connect(m_inboundQuestion, &QLineEdit::returnPressed, this, log);
    connect(m_answerInbound, &QPushButton::clicked, this, &BusinessDock::askAnswer);
    connect(m_emergencyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { updateState(); });
    connect(m_emergencyModel, &QAbstractItemModel::dataChanged, this, [this] { updateState(); });
    connect(m_emergencyModel, &QAbstractItemModel::modelReset, this, [this] { updateState(); });
    connect(&m_store.business(), &BusinessRepository::businessChanged, this, [this](qint64 incidentId) {
        if (incidentId == m_incidentId) {
            updateState();
            loadBriefing();
        }
    });
    connect(&m_store.business(), &BusinessRepository::inboundChanged, this, [this](qint64 incidentId, qint64) {
        if (incidentId == m_incidentId)
            loadInbound();
    });
    connect(m_stakeholderModel, &QAbstractItemModel::dataChanged, this, [this] { updateState(); });
    connect(m_stakeholderModel, &QAbstractItemModel::modelReset, this, [this] { updateState(); });
    retranslateUi();
    return frame;
}

BusinessDock::~BusinessDock() = default;

void BusinessDock::showSession(IncidentSession *session)
{
    m_session = session;
    m_incidentId = session ? session->incidentId() : 0;
    m_emergencyModel->setIncident(m_incidentId);
    m_stakeholderModel->setIncident(m_incidentId);
    m_error->clear();
    loadBriefing();
    loadInbound();
    updateState(); // what is in front is the workspace's choice (the liaison's shows this dock)
}

StoreError BusinessDock::declare(const QStringList &audiences, bool addRoles)
{
    ensureBuilt();
    if (!m_session)
        return IncidentSession::noIncident();
    BusinessDeclaration declaration;
    declaration.audiences = audiences;
    if (addRoles)
        declaration.roles = m_templates.find(QStringLiteral("business-response"));
    const QString author = m_session->author();
    const StoreError error =
        m_session->write([&] { return m_store.business().declare(m_incidentId, declaration, author); });
    if (error.ok()) {
        show();
        raise();
    }
    return error;
}

StoreError BusinessDock::returnToNormal()
{
    ensureBuilt();
    if (!m_session)
        return IncidentSession::noIncident();
    const QString author = m_session->author();
    return m_session->write([&] { return m_store.business().returnToNormal(m_incidentId, author); });
}

StoreError BusinessDock::tickCurrentActivity()
{
    ensureBuilt();
    const QModelIndex current = m_emergencyView->currentIndex();
    if (!current.isValid())
        return {StoreError::Code::Invalid, tr("Select an activity first.")};
    if (!m_session)
        return IncidentSession::noIncident();
    const BusinessActivity activity = m_emergencyModel->activityAt(current.row());
    const bool restart = m_emergencyModel->state() != BusinessState::Emergency;
    return m_session->run(std::make_unique<TickActivityCommand>(m_store, &m_session->saveStatus(), activity.id, restart,
                                                                activity.activity, m_session->author()));
}

Result<qint64> BusinessDock::addActivity(const QString &activity, const QString &ownerRoleKey)
{
    ensureBuilt();
    if (!m_session)
        return IncidentSession::noIncident();
    const QString author = m_session->author();
    return m_session->write([&] {
        return m_store.business().addActivity(m_incidentId, {activity, ownerRoleKey}, author);
    });
}

StoreError BusinessDock::saveBriefing()
{
    ensureBuilt();
    if (!m_session)
        return IncidentSession::noIncident();
    auto answers = m_store.business().briefingAnswers(m_incidentId);
    if (!answers)
        return answers.error();
    QList<std::pair<QString, QString>> changed; // question key, new answer
    for (const BriefingQuestion &q : BusinessVocabulary::briefingQuestions()) {
        const QString text = m_briefing.value(q.key)->text().trimmed();
        QString old;
        for (const BriefingAnswer &a : std::as_const(*answers)) {
            if (a.questionKey == q.key)
                old = a.answer;
        }
        if (!text.isEmpty() && text != old)
            changed.append({q.key, text});
    }
    if (changed.isEmpty())
        return {};
    const QString author = m_session->author();
    return m_session->write([&] {
        for (const auto &[key, text] : std::as_const(changed)) {
            if (StoreError error = m_store.business().answerBriefing(m_incidentId, key, text, author); !error.ok())
                return error;
        }
        return StoreError();
    });
}

StoreError BusinessDock::notifyCurrentDepartment(const QString &method)
{
    ensureBuilt();
    const QModelIndex current = m_stakeholderView->currentIndex();
    if (!current.isValid())
        return {StoreError::Code::Invalid, tr("Select a department first.")};
    if (!m_session)
        return IncidentSession::noIncident();
    const QString key = current.siblingAtColumn(0).data(StakeholderModel::DepartmentKeyRole).toString();
    return m_session->run(std::make_unique<NotifyDepartmentCommand>(m_store, &m_session->saveStatus(), m_incidentId,
                                                                    key, method, m_session->author()));
}

Result<qint64> BusinessDock::logInbound(const QString &channel, const QString &from, const QString &question)
{
    ensureBuilt();
    if (!m_session)
        return IncidentSession::noIncident();
    const QString author = m_session->author();
    return m_session->write(
        [&] { return m_store.business().logInbound(m_incidentId, channel, from, question, author); });
}

void BusinessDock::askDeclare()
{
    ensureBuilt();
    if (!m_session)
        return;
    // Opened, not exec'd: the window (and its tests) never block on it.
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("declareBusinessDialog"));
    dialog->setWindowTitle(tr("Declare business incident"));
    auto *layout = new QVBoxLayout(dialog);
    auto *intro = new QLabel(tr("The business switches to emergency operations: outbound activity is halted, "
                                "messages to each audience go through the approval chain, departments are told."),
                             dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    QList<std::pair<QString, QCheckBox *>> boxes;
    for (const QString &a : BusinessVocabulary::allAudiences()) {
        auto *box = new QCheckBox(BusinessVocabulary::audienceLabel(a), dialog);
        box->setObjectName(QStringLiteral("audience-%1").arg(a));
        box->setChecked(BusinessVocabulary::defaultAudiences().contains(a));
        boxes.append({a, box});
        layout->addWidget(box);
    }
    auto *roles = new QCheckBox(tr("Add the business response &roles under the Incident Commander"), dialog);
    roles->setObjectName(QStringLiteral("addBusinessRoles"));
    roles->setChecked(true);
    layout->addWidget(roles);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Declare"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, boxes, roles] {
        QStringList audiences;
        for (const auto &[key, box] : boxes) {
            if (box->isChecked())
                audiences << key;
        }
        m_error->sayOutcome(declare(audiences, roles->isChecked()));
    });
    dialog->open();
}

void BusinessDock::askAnswer()
{
    ensureBuilt();
    QTreeWidgetItem *item = m_inbound->currentItem();
    if (!item || !m_session)
        return;
    bool ok = false;
    const QString answer =
        QInputDialog::getMultiLineText(this, tr("Answer the question"), item->text(4), QString(), &ok);
    if (!ok)
        return;
    const qint64 questionId = item->data(0, Qt::UserRole).toLongLong();
    const QString author = m_session->author();
    m_error->sayOutcome(m_session->write([&] { return m_store.business().answerInbound(questionId, answer, author); }));
}

void BusinessDock::loadBriefing()
{
    auto answers = m_store.session().isOpen() && m_incidentId > 0
                       ? m_store.business().briefingAnswers(m_incidentId)
                       : Result<QList<BriefingAnswer>>(QList<BriefingAnswer>());
    for (const BriefingQuestion &q : BusinessVocabulary::briefingQuestions()) {
        QLineEdit *edit = m_briefing.value(q.key);
        BriefingAnswer found;
        if (answers) {
            for (const BriefingAnswer &a : std::as_const(*answers)) {
                if (a.questionKey == q.key)
                    found = a;
            }
        }
        if (!edit->hasFocus() || found.answer.isEmpty())
            edit->setText(found.answer);
        edit->setToolTip(
            found.answeredAt.isValid()
                ? tr("Answered by %1 at %2")
                      .arg(found.answeredBy, found.answeredAt.toLocalTime().toString(QStringLiteral("HH:mm")))
                : tr("Not answered yet: “unknown” is an answer too."));
    }
}

void BusinessDock::loadInbound()
{
    m_inbound->clear();
    if (!m_store.session().isOpen() || m_incidentId == 0)
        return;
    auto list = m_store.business().inboundQuestions(m_incidentId);
    if (!list)
        return;
    for (const InboundQuestion &q : std::as_const(*list)) {
        auto *item = new QTreeWidgetItem(m_inbound);
        item->setData(0, Qt::UserRole, q.id);
        item->setText(0, q.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm")));
        item->setText(1, q.channel == QLatin1String("media") ? tr("Media") : tr("Social"));
        item->setText(2, q.isAnswered() ? tr("answered") : tr("open"));
        item->setText(3, q.from);
        item->setText(4, q.question);
        item->setToolTip(4, q.isAnswered() ? tr("%1 — %2").arg(q.answeredBy, q.answer) : QString());
    }
}

void BusinessDock::updateState()
{
    const auto state = m_emergencyModel->state();
    const bool business = state.has_value();
    updateActions(state);
    m_normal->setEnabled(m_normalAction->isEnabled());
    m_add->setEnabled(business && *state == BusinessState::Emergency);
    m_newActivity->setEnabled(m_add->isEnabled());
    m_saveBriefing->setEnabled(business);
    m_logInbound->setEnabled(m_incidentId > 0);
    m_told->setEnabled(m_incidentId > 0);
    if (!business) {
        m_modeLabel->setText(tr("Not a business incident. Incident ▸ Declare business incident… switches the "
                                "business to emergency operations."));
        m_tick->setText(tr("&Halt"));
        m_tick->setEnabled(false);
    } else {
        int halted = 0;
        int restarted = 0;
        for (int row = 0; row < m_emergencyModel->rowCount(); ++row) {
            const BusinessActivity a = m_emergencyModel->activityAt(row);
            halted += a.haltedAt.isValid() ? 1 : 0;
            restarted += a.restartedAt.isValid() ? 1 : 0;
        }
        const int total = m_emergencyModel->rowCount();
        switch (*state) {
        case BusinessState::Emergency:
            m_modeLabel->setText(tr("<b>Emergency operations</b> — %1 of %n outbound activities halted. Space "
                                    "ticks the selected one.",
                                    nullptr, total)
                                     .arg(halted));
            m_tick->setText(tr("&Halt"));
            break;
        case BusinessState::Restoring:
            m_modeLabel->setText(tr("<b>Returning to normal</b> — %1 of %n halted activities restarted, last "
                                    "halted first.",
                                    nullptr, halted)
                                     .arg(restarted));
            m_tick->setText(tr("&Restart"));
            break;
        case BusinessState::Normal:
            m_modeLabel->setText(tr("<b>Normal operations</b> — all clear; the preliminary analysis is due within "
                                    "24 hours."));
            m_tick->setText(tr("&Restart"));
            break;
        }
        const QModelIndex current = m_emergencyView->currentIndex();
        bool can = false;
        if (current.isValid()) {
            const BusinessActivity a = m_emergencyModel->activityAt(current.row());
            can = *state == BusinessState::Emergency ? !a.haltedAt.isValid()
                                                     : *state == BusinessState::Restoring && a.isHalted();
        }
        m_tick->setEnabled(can);
    }
    m_departmentsLabel->setText(tr("Departments to tell for this kind and severity: %1 of %2 told. Space marks the "
                                   "selected one told.")
                                    .arg(m_stakeholderModel->requiredToldCount())
                                    .arg(m_stakeholderModel->requiredCount()));
}

bool BusinessDock::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space) {
        if (watched == m_emergencyView) {
            m_error->sayOutcome(tickCurrentActivity());
            return true;
        }
        if (watched == m_stakeholderView) {
            m_error->sayOutcome(notifyCurrentDepartment(m_method->currentText()));
            return true;
        }
    }
    return DeferredDock::eventFilter(watched, event);
}

void BusinessDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    DeferredDock::changeEvent(event);
}

void BusinessDock::retranslateUi()
{
    setWindowTitle(tr("Business response"));
    toggleViewAction()->setText(tr("&Business response"));
    m_declareAction->setText(tr("Declare &business incident…"));
    m_normalAction->setText(tr("Return business to &normal"));
    m_focusAction->setText(tr("Go to &business response"));
    if (!isBuilt())
        return;
    setAccessibleLabel(m_tabs, tr("Business response"));
    setAccessibleLabel(m_emergencyView, tr("Outbound activities"));
    setAccessibleLabel(m_newActivity, tr("New outbound activity"));
    setAccessibleLabel(m_newOwner, tr("Owner role"));
    setAccessibleLabel(m_stakeholderView, tr("Departments to notify"));
    setAccessibleLabel(m_method, tr("How they were told"));
    setAccessibleLabel(m_inbound, tr("Inbound questions"));
    setAccessibleLabel(m_inboundChannel, tr("Inbound channel"));
    setAccessibleLabel(m_inboundFrom, tr("Who asked"));
    setAccessibleLabel(m_inboundQuestion, tr("The question"));
    m_tabs->setTabText(0, tr("&Emergency ops"));
    m_tabs->setTabText(1, tr("Brie&fing"));
    m_tabs->setTabText(2, tr("De&partments"));
    m_inboundTitle->setText(tr("&Inbound questions"));
    m_newActivity->setPlaceholderText(tr("Another outbound activity to halt…"));
    m_newOwner->setItemText(0, tr("Marketing Officer"));
    m_newOwner->setItemText(1, tr("Social Officer"));
    m_newOwner->setItemText(2, tr("Media Officer"));
    m_add->setText(tr("&Add"));
    m_normal->setText(tr("Return to &normal"));
    m_briefingHint->setText(tr("The first business briefing: the Customer Liaison answers, the Technical SLT takes "
                               "notes. Unknown answers are fine — update them as they become known."));
    for (const BriefingQuestion &q : BusinessVocabulary::briefingQuestions())
        m_briefingLabels.value(q.key)->setText(q.text);
    m_saveBriefing->setText(tr("&Save answers"));
    const QString method = m_method->currentText();
    m_method->clear();
    m_method->addItems({tr("phone"), tr("chat"), tr("email"), tr("in person")});
    if (!method.isEmpty())
        m_method->setCurrentText(method);
    m_told->setText(tr("Mark &told"));
    m_inbound->setHeaderLabels({tr("Received"), tr("Channel"), tr("State"), tr("From"), tr("Question")});
    m_inboundChannel->setItemText(0, tr("Media"));
    m_inboundChannel->setItemText(1, tr("Social"));
    m_inboundFrom->setPlaceholderText(tr("Who asked"));
    m_inboundQuestion->setPlaceholderText(tr("The question…"));
    m_logInbound->setText(tr("&Log"));
    m_answerInbound->setText(tr("Ans&wer…"));
    updateState();
}

} // namespace cp
