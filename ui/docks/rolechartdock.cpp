#include "rolechartdock.h"

#include "db/incidentstore.h"
#include "dialogs/assignroledialog.h"
#include "dialogs/catchupdialog.h"
#include "dialogs/dutiesdialog.h"
#include "dialogs/templateeditordialog.h"
#include "domain/clock.h"
#include "domain/rolesummary.h"
#include "domain/roletemplate.h"
#include "models/roletreemodel.h"
#include "session/incidentsession.h"
#include "undo/rolecommands.h"
#include "widgets/accessiblename.h"
#include "widgets/feedbacklabel.h"
#include "widgets/kindstyle.h"
#include "widgets/rolechartview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace cp {

RoleChartDock::RoleChartDock(IncidentStore &store, const Clock &clock, RoleTemplateLibrary &templates, QWidget *parent)
    : DeferredDock(QStringLiteral("roleChartDock"), parent), m_store(store), m_clock(clock), m_templates(templates),
      m_model(new RoleTreeModel(store, this))
{
    createActions();
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RoleChartDock::refreshBanner);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RoleChartDock::refreshBanner);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RoleChartDock::refreshBanner);
    retranslateUi();
    updateFrame(nullptr);
}

QWidget *RoleChartDock::buildContent()
{
    m_chart = new RoleChartView(*m_model, this);
    m_pages = new QStackedWidget(this);
    m_emptyLabel = new QLabel(this);
    m_banner = new QLabel(this);
    m_feedback = new FeedbackLabel(QStringLiteral("roleChartFeedback"), this);
    m_toolBar = new QToolBar(this);
    m_emptyLabel->setObjectName(QStringLiteral("roleChartEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_banner->setObjectName(QStringLiteral("roleChartBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: %1; border: 1px solid %1; "
                                           "border-radius: 3px; padding: 4px 8px; font-weight: bold; }")
                                .arg(KindStyle::text(KindStyle::Tone::Error, ColorScheme::Light).name()));
    m_toolBar->setObjectName(QStringLiteral("roleChartToolBar"));
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addAction(m_assignAction);
    m_toolBar->addAction(m_copyTopicAction);
    m_toolBar->addAction(m_addSubTeamAction);
    m_toolBar->addAction(m_addBusinessAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_zoomOutAction);
    m_toolBar->addAction(m_zoomFitAction);
    m_toolBar->addAction(m_zoomInAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_exportPngAction);
    m_toolBar->addAction(m_exportSvgAction);

    auto *chartPage = new QWidget(this);
    auto *layout = new QVBoxLayout(chartPage);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_feedback);
    m_pages->addWidget(m_emptyLabel);
    m_pages->addWidget(chartPage);

    connect(m_chart, &RoleChartView::dropRequested, this, &RoleChartDock::assignDropped);
    connect(m_chart, &RoleChartView::contextMenuRequested, this, &RoleChartDock::showContextMenu);
    connect(m_chart, &RoleChartView::activated, this, [this](const QString &key) { openAssignDialog(key); });
    retranslateUi();
    return m_pages;
}

RoleChartDock::~RoleChartDock() = default;

void RoleChartDock::createActions()
{
    auto make = [this](const char *name, const QKeySequence &key, auto slot) {
        auto *action = new QAction(this);
        action->setObjectName(QString::fromLatin1(name));
        if (!key.isEmpty())
            action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_assignAction = make("assignRoleAction", QKeySequence(Qt::CTRL | Qt::Key_R), [this] { openAssignDialog(); });
    m_copyTopicAction =
        make("copyChatTopicAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] { copyChatTopic(); });
    m_takeCommandAction =
        make("takeCommandAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K), [this] { takeCommand(); });
    m_addSubTeamAction = make("addSubTeamAction", QKeySequence(), [this] { askSubTeam(); });
    m_addBusinessAction = make("addBusinessResponseAction", QKeySequence(), [this] {
        ensureBuilt();
        m_feedback->sayOutcome(addBusinessResponse(), tr("Not added: %1"));
    });
    m_editTemplatesAction = make("editTemplatesAction", QKeySequence(), [this] { editTemplates(); });
    m_focusChartAction = make("focusRoleChartAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] {
        reveal();
        m_chart->setFocus();
        if (m_chart->currentRoleKey().isEmpty() && !m_model->roles().isEmpty())
            m_chart->selectRole(m_model->roles().first().definition.key);
    });
    // Zoom keys act while the chart has focus, so they do not steal the timeline's Ctrl+0.
    m_zoomInAction = make("chartZoomInAction", QKeySequence(Qt::CTRL | Qt::Key_Equal), [this] { chart()->zoomIn(); });
    m_zoomInAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    m_zoomOutAction =
        make("chartZoomOutAction", QKeySequence(Qt::CTRL | Qt::Key_Minus), [this] { chart()->zoomOut(); });
    m_zoomFitAction = make("chartZoomFitAction", QKeySequence(Qt::CTRL | Qt::Key_0), [this] { chart()->zoomToFit(); });
    for (QAction *action : {m_zoomInAction, m_zoomOutAction, m_zoomFitAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    m_exportPngAction = make("exportChartPngAction", QKeySequence(), [this] { askExport(false); });
    m_exportSvgAction = make("exportChartSvgAction", QKeySequence(), [this] { askExport(true); });
}

QList<QAction *> RoleChartDock::roleActions() const
{
    return {m_assignAction,      m_copyTopicAction,  m_takeCommandAction, m_addSubTeamAction,
            m_addBusinessAction, m_focusChartAction, m_zoomInAction,      m_zoomOutAction,
            m_zoomFitAction,     m_exportPngAction,  m_exportSvgAction,   m_editTemplatesAction};
}

void RoleChartDock::retranslateUi()
{
    setWindowTitle(tr("Roles"));
    m_assignAction->setText(tr("&Assign role…"));
    m_assignAction->setToolTip(tr("Put someone into a role from the keyboard (%1)")
                                   .arg(m_assignAction->shortcut().toString(QKeySequence::NativeText)));
    m_copyTopicAction->setText(tr("&Copy chat topic"));
    m_copyTopicAction->setToolTip(tr("Copy “IC: Ana · Deputy: Bo · …” for the chat room (%1)")
                                      .arg(m_copyTopicAction->shortcut().toString(QKeySequence::NativeText)));
    m_takeCommandAction->setText(tr("&Take command (Deputy)"));
    m_addSubTeamAction->setText(tr("Add &sub-team…"));
    m_addBusinessAction->setText(tr("Add &business response"));
    m_addBusinessAction->setToolTip(tr("Add the business incident roles under the Incident Commander"));
    m_editTemplatesAction->setText(tr("&Edit templates…"));
    m_focusChartAction->setText(tr("&Go to role chart"));
    m_zoomInAction->setText(tr("Zoom &in"));
    m_zoomOutAction->setText(tr("Zoom &out"));
    m_zoomFitAction->setText(tr("&Fit chart"));
    m_exportPngAction->setText(tr("Export &PNG…"));
    m_exportSvgAction->setText(tr("Export S&VG…"));
    if (isBuilt()) {
        m_emptyLabel->setText(tr("No incident open.\nDeclare one and its response structure appears here."));
        setAccessibleLabel(m_chart, tr("Role chart"));
    }
    refreshBanner();
}

void RoleChartDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    DeferredDock::changeEvent(event);
}

void RoleChartDock::updateFrame(IncidentSession *session)
{
    m_session = session;
    m_incidentId = session ? session->incidentId() : 0;
    m_model->setActingAuthor(session ? session->author() : QString());
    m_model->setIncident(m_incidentId);
    updateActions();
}

void RoleChartDock::showSession(IncidentSession *session)
{
    m_chart->relayout();
    m_pages->setCurrentIndex(session ? 1 : 0);
    m_feedback->clear();
    refreshBanner();
}

void RoleChartDock::updateActions()
{
    const bool have = m_session;
    for (QAction *action : roleActions())
        action->setEnabled(have);
    m_editTemplatesAction->setEnabled(true);
    bool hasDeputy = false;
    if (have) {
        const QList<IncidentRole> roles = m_model->roles();
        for (const IncidentRole &role : roles)
            hasDeputy = hasDeputy || (role.definition.key == QStringLiteral("deputy") && !role.holders.isEmpty());
    }
    m_takeCommandAction->setEnabled(have && hasDeputy);
}

QString RoleChartDock::vacancyText() const
{
    if (m_incidentId <= 0)
        return {};
    const QList<IncidentRole> vacant = RoleSummary::vacantRequired(m_model->roles());
    QStringList names;
    for (const IncidentRole &role : vacant)
        names << (role.definition.shortName.isEmpty() ? role.definition.title : role.definition.shortName);
    return names.isEmpty() ? QString() : tr("Vacant: %1").arg(names.join(QStringLiteral(", ")));
}

void RoleChartDock::refreshBanner()
{
    const QString text = vacancyText();
    QString banner = text;
    if (!text.isEmpty())
        banner = tr("%1 — drag someone from the roster onto the card, or press %2")
                     .arg(text, m_assignAction->shortcut().toString(QKeySequence::NativeText));
    const QList<IncidentRole> over = m_incidentId > 0 ? RoleSummary::overSpan(m_model->roles()) : QList<IncidentRole>{};
    for (const IncidentRole &role : over)
        banner += (banner.isEmpty() ? QString() : QStringLiteral("\n")) +
                  tr("%1 has more than %2 direct reports: split into sub-teams")
                      .arg(role.definition.title)
                      .arg(RoleSummary::SpanOfControlLimit);
    if (isBuilt()) {
        m_banner->setText(banner);
        m_banner->setVisible(!banner.isEmpty());
    }
    updateActions();
    emit vacanciesChanged(text);
}

StoreError RoleChartDock::runCommand(std::unique_ptr<StoreCommand> command)
{
    ensureBuilt();
    if (!m_session)
        return IncidentSession::noIncident();
    const StoreError error = m_session->run(std::move(command));
    m_feedback->sayOutcome(error);
    return error;
}

std::optional<IncidentRole> RoleChartDock::findRole(const QString &roleKey) const
{
    const QList<IncidentRole> roles = m_model->roles();
    for (const IncidentRole &role : roles) {
        if (role.definition.key == roleKey)
            return role;
    }
    return std::nullopt;
}

StoreError RoleChartDock::assignPerson(const QString &roleKey, qint64 personId)
{
    const auto role = findRole(roleKey);
    if (!m_session)
        return IncidentSession::noIncident();
    if (!role)
        return StoreError(StoreError::Code::NotFound, tr("No role “%1” in this incident").arg(roleKey));
    auto person = m_store.roster().person(personId);
    if (!person)
        return person.error();
    for (const RoleHolder &holder : role->holders) {
        if (holder.personId == personId)
            return StoreError(StoreError::Code::Invalid,
                              tr("%1 already holds %2").arg(person->name, role->definition.title));
    }
    if (!role->definition.multipleHolders && !role->holders.isEmpty())
        return runCommand(std::make_unique<HandOverRoleCommand>(
            m_store, &m_session->saveStatus(), m_incidentId, roleKey, role->definition.title,
            role->holders.first().personId, personId, person->name, m_session->author()));
    return runCommand(std::make_unique<AssignRoleCommand>(m_store, &m_session->saveStatus(), m_incidentId, roleKey,
                                                          role->definition.title, personId, person->name,
                                                          m_session->author()));
}

StoreError RoleChartDock::release(const QString &roleKey, qint64 personId)
{
    const auto role = findRole(roleKey);
    if (!m_session)
        return IncidentSession::noIncident();
    if (!role)
        return StoreError(StoreError::Code::NotFound, tr("No role “%1” in this incident").arg(roleKey));
    QString name;
    for (const RoleHolder &holder : role->holders) {
        if (holder.personId == personId)
            name = holder.name;
    }
    return runCommand(std::make_unique<ReleaseRoleCommand>(m_store, &m_session->saveStatus(), m_incidentId, roleKey,
                                                           role->definition.title, personId, name,
                                                           m_session->author()));
}

void RoleChartDock::assignDropped(const QString &roleKey, const QList<qint64> &personIds)
{
    ensureBuilt();
    const bool several = m_session && personIds.size() > 1;
    if (several)
        m_session->undoStack().beginMacro(tr("Assign %n people", nullptr, static_cast<int>(personIds.size())));
    for (qint64 personId : personIds)
        assignPerson(roleKey, personId);
    if (several)
        m_session->undoStack().endMacro();
    m_chart->selectRole(roleKey);
}

void RoleChartDock::openAssignDialog(const QString &roleKey)
{
    if (m_incidentId <= 0)
        return;
    auto *dialog = new AssignRoleDialog(
        m_store, m_model->roles(), AssignRoleDialog::Mode::Assign,
        [this](const IncidentRole &role, const Person &person) { return assignPerson(role.definition.key, person.id); },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!roleKey.isEmpty())
        dialog->setRole(roleKey);
    dialog->open();
    dialog->personEdit()->setFocus();
}

void RoleChartDock::openHandOverDialog(const QString &roleKey)
{
    const auto role = findRole(roleKey);
    if (!role)
        return;
    auto *dialog = new AssignRoleDialog(
        m_store, {*role}, AssignRoleDialog::Mode::HandOver,
        [this](const IncidentRole &target, const Person &person) -> StoreError {
            if (target.holders.isEmpty())
                return assignPerson(target.definition.key, person.id);
            return runCommand(std::make_unique<HandOverRoleCommand>(
                m_store, &m_session->saveStatus(), m_incidentId, target.definition.key, target.definition.title,
                target.holders.first().personId, person.id, person.name, m_session->author()));
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    dialog->personEdit()->setFocus();
}

void RoleChartDock::showContextMenu(const QString &roleKey, const QPoint &globalPos)
{
    const auto role = findRole(roleKey);
    if (!role)
        return;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("roleCardMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addSection(role->definition.title);
    menu->addAction(tr("&Assign…"), this, [this, roleKey] { openAssignDialog(roleKey); })
        ->setObjectName(QStringLiteral("cardAssign"));
    if (!role->holders.isEmpty())
        menu->addAction(tr("&Hand over…"), this, [this, roleKey] { openHandOverDialog(roleKey); })
            ->setObjectName(QStringLiteral("cardHandOver"));
    for (const RoleHolder &holder : role->holders) {
        const qint64 personId = holder.personId;
        menu->addAction(tr("&Release %1").arg(holder.name), this,
                        [this, roleKey, personId] { release(roleKey, personId); })
            ->setObjectName(QStringLiteral("cardRelease_%1").arg(personId));
    }
    menu->addSeparator();
    menu->addAction(tr("Res&ponsibilities checklist…"), this, [this, roleKey] { showDuties(roleKey); })
        ->setObjectName(QStringLiteral("cardDuties"));
    menu->addAction(m_addSubTeamAction);
    menu->popup(globalPos);
}

void RoleChartDock::showDuties(const QString &roleKey)
{
    const auto role = findRole(roleKey);
    if (!role || !m_session)
        return;
    auto *dialog = new DutiesDialog(*m_session, role->id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void RoleChartDock::askSubTeam()
{
    ensureBuilt();
    if (m_incidentId <= 0)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("subTeamDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Add a sub-team"));
    dialog->setLabelText(tr("Sub-team name (it gets a lead reporting to the IC, and members):"));
    static const QStringList names{QStringLiteral("Alpha"), QStringLiteral("Bravo"), QStringLiteral("Charlie"),
                                   QStringLiteral("Delta"), QStringLiteral("Echo")};
    QString suggestion = names.first();
    const QList<IncidentRole> roles = m_model->roles();
    for (const QString &name : names) {
        bool used = false;
        for (const IncidentRole &role : roles)
            used = used || role.subTeam == name;
        if (!used) {
            suggestion = name;
            break;
        }
    }
    dialog->setTextValue(suggestion);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) {
        const StoreError error = addSubTeam(name.trimmed());
        if (!error.ok()) {
            m_feedback->sayError(tr("Not added: %1").arg(error.message()));
        }
    });
    dialog->open();
}

StoreError RoleChartDock::addSubTeam(const QString &name)
{
    if (!m_session)
        return IncidentSession::noIncident();
    const QString author = m_session->author();
    return m_session->write([&] { return m_store.roles().addSubTeam(m_incidentId, name, author); });
}

StoreError RoleChartDock::addBusinessResponse()
{
    const auto business = m_templates.find(QStringLiteral("business-response"));
    if (!business)
        return StoreError(StoreError::Code::NotFound, tr("The business response template is missing"));
    if (!m_session)
        return IncidentSession::noIncident();
    const QString author = m_session->author();
    return m_session->write(
        [&] { return m_store.roles().applyTemplate(m_incidentId, *business, QStringLiteral("ic"), author); });
}

QString RoleChartDock::copyChatTopic()
{
    ensureBuilt();
    const QString topic = RoleSummary::chatTopic(m_model->roles());
    QApplication::clipboard()->setText(topic);
    m_feedback->say(topic.isEmpty() ? tr("Nobody holds a role yet: nothing to copy") : tr("Copied: %1").arg(topic),
                    FeedbackLabel::Tone::Done);
    return topic;
}

void RoleChartDock::takeCommand()
{
    ensureBuilt();
    if (m_incidentId <= 0)
        return;
    // One chord changes who commands the incident: ask first (Enter confirms, Esc keeps it).
    auto *box = new QMessageBox(QMessageBox::Question, tr("Take command"),
                                tr("The Deputy takes command of this incident; the commander becomes Deputy."),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("takeCommandConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *take = box->addButton(tr("&Take command"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(take);
    connect(take, &QPushButton::clicked, this, &RoleChartDock::confirmTakeCommand);
    box->open();
}

void RoleChartDock::confirmTakeCommand()
{
    ensureBuilt();
    if (!m_session)
        return;
    const QString author = m_session->author();
    if (!m_feedback->sayOutcome(
            m_session->write([&] { return m_store.roles().takeCommand(m_incidentId, true, author); }),
            tr("Command not taken: %1")))
        return;
    auto incident = m_store.incidents().incident(m_incidentId);
    auto roles = m_store.roles().list(m_incidentId);
    TimelinePage page;
    page.incidentId = m_incidentId;
    page.limit = 200;
    auto entries = m_store.timeline().entries(page);
    if (!incident || !roles || !entries)
        return;
    const QString text = RoleSummary::catchUp(*incident, *roles, *entries, m_clock.nowUtc());
    auto *dialog = new CatchUpDialog(tr("Catch-up for the incoming commander"), text, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void RoleChartDock::editTemplates()
{
    auto *dialog = new TemplateEditorDialog(m_templates, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

bool RoleChartDock::exportPng(const QString &path)
{
    ensureBuilt();
    return m_chart->exportPng(path);
}

bool RoleChartDock::exportSvg(const QString &path)
{
    ensureBuilt();
    QString title = tr("Role chart");
    if (auto incident = m_store.incidents().incident(m_incidentId))
        title = tr("Role chart — #%1 %2").arg(incident->id).arg(incident->title);
    return m_chart->exportSvg(path, title);
}

void RoleChartDock::askExport(bool svg)
{
    ensureBuilt();
    auto *dialog = new QFileDialog(this, svg ? tr("Export the role chart as SVG") : tr("Export the role chart as PNG"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    dialog->setDefaultSuffix(svg ? QStringLiteral("svg") : QStringLiteral("png"));
    dialog->selectFile(
        QStringLiteral("role-chart-%1.%2").arg(m_incidentId).arg(svg ? QStringLiteral("svg") : QStringLiteral("png")));
    connect(dialog, &QFileDialog::fileSelected, this, [this, svg](const QString &path) {
        const bool ok = svg ? exportSvg(path) : exportPng(path);
        m_feedback->say(ok ? tr("Exported to %1").arg(path) : tr("Could not write %1").arg(path),
                        ok ? FeedbackLabel::Tone::Done : FeedbackLabel::Tone::Error);
    });
    dialog->open();
}

} // namespace cp
