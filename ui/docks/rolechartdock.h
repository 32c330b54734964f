#pragma once

#include "db/storeerror.h"
#include "domain/incidentrole.h"

#include "deferreddock.h"

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QStackedWidget;
class QToolBar;

namespace cp {

class Clock;
class FeedbackLabel;
class IncidentSession;
class IncidentStore;
class RoleChartView;
class RoleTemplateLibrary;
class RoleTreeModel;
class StoreCommand;

// The incident's live org chart (RoleTreeModel drawn by RoleChartView) with the role actions:
// assign from the keyboard, drag people from the roster onto a card, hand over, release,
// the responsibilities checklist, sub-teams, the business tree under the IC, copy the chat
// topic, take command with the catch-up briefing, zoom and export. Assignments and releases
// go through the incident's undo stack; everything else straight to the store.
class RoleChartDock final : public DeferredDock
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoleChartDock)

public:
    RoleChartDock(IncidentStore &store, const Clock &clock, RoleTemplateLibrary &templates, QWidget *parent = nullptr);
    ~RoleChartDock() override;

    qint64 incidentId() const { return m_incidentId; }
    // Kept current from the start, built or not: the status bar's vacancies and the Roles menu.
    RoleTreeModel *model() const { return m_model; }
    RoleChartView *chart() const { return built(m_chart); }

    QAction *assignAction() const { return m_assignAction; }
    QAction *copyTopicAction() const { return m_copyTopicAction; }
    QAction *takeCommandAction() const { return m_takeCommandAction; }
    QAction *addSubTeamAction() const { return m_addSubTeamAction; }
    QAction *addBusinessAction() const { return m_addBusinessAction; }
    QAction *editTemplatesAction() const { return m_editTemplatesAction; }
    QAction *focusChartAction() const { return m_focusChartAction; }
    QList<QAction *> roleActions() const; // for the Roles menu and the shortcuts list

    // Entry points (what the actions and the context menu do).
    void openAssignDialog(const QString &roleKey = {});
    void openHandOverDialog(const QString &roleKey);
    StoreError assignPerson(const QString &roleKey, qint64 personId); // hands over a held single role
    StoreError release(const QString &roleKey, qint64 personId);
    void assignDropped(const QString &roleKey, const QList<qint64> &personIds);
    void showDuties(const QString &roleKey);
    void askSubTeam();
    StoreError addSubTeam(const QString &name);
    StoreError addBusinessResponse();
    QString copyChatTopic();
    void takeCommand();        // asks first
    void confirmTakeCommand(); // what the confirmation does
    void editTemplates();
    bool exportPng(const QString &path);
    bool exportSvg(const QString &path);
    void askExport(bool svg);

    // "Vacant: IC, Scribe" — empty when every required role is held.
    QString vacancyText() const;

    void retranslateUi();

signals:
    void vacanciesChanged(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    QWidget *buildContent() override;
    void showSession(IncidentSession *session) override;
    void updateFrame(IncidentSession *session) override;

private:
    void createActions();
    void showContextMenu(const QString &roleKey, const QPoint &globalPos);
    void refreshBanner();
    void updateActions();
    StoreError runCommand(std::unique_ptr<StoreCommand> command);
    std::optional<IncidentRole> findRole(const QString &roleKey) const;

    IncidentStore &m_store;
    const Clock &m_clock;
    RoleTemplateLibrary &m_templates;
    IncidentSession *m_session = nullptr;
    qint64 m_incidentId = 0;
    RoleTreeModel *m_model;
    RoleChartView *m_chart = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QLabel *m_banner = nullptr;
    FeedbackLabel *m_feedback = nullptr;
    QToolBar *m_toolBar = nullptr;

    QAction *m_assignAction = nullptr;
    QAction *m_copyTopicAction = nullptr;
    QAction *m_takeCommandAction = nullptr;
    QAction *m_addSubTeamAction = nullptr;
    QAction *m_addBusinessAction = nullptr;
    QAction *m_editTemplatesAction = nullptr;
    QAction *m_focusChartAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_zoomFitAction = nullptr;
    QAction *m_exportPngAction = nullptr;
    QAction *m_exportSvgAction = nullptr;
};

} // namespace cp
