#pragma once

#include "deferreddock.h"

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace cp {

class AssignmentModel;
class IncidentSession;
class IncidentStore;
class StoreWriter;
class PeopleModel;

// The roster (PeopleModel, type to filter, drag a person onto a role card), the directory of
// departments (primary contact, on-call rotation, escalation path) and the incident's
// assignment history (AssignmentModel). Adds and edits people, imports roster CSV files:
// a malformed file is refused with its line number and changes nothing.
class RosterDock final : public DeferredDock
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RosterDock)

public:
    explicit RosterDock(const StoreWriter &writer, QWidget *parent = nullptr);

    PeopleModel *people() const { return built(m_people); }
    QSortFilterProxyModel *filteredPeople() const { return built(m_proxy); }
    QTableView *peopleView() const { return built(m_peopleView); }
    QLineEdit *filterEdit() const { return built(m_filter); }
    AssignmentModel *history() const { return built(m_history); }
    QTableWidget *departmentsView() const { return built(m_departments); }
    QTabWidget *tabs() const { return built(m_tabs); }

    QAction *importAction() const { return m_importAction; }
    QAction *addPersonAction() const { return m_addPersonAction; }
    QAction *focusRosterAction() const { return m_focusAction; }

    void addPerson();
    void editCurrentPerson();
    void askImport();
    // Reads and imports a people or departments CSV; false with the message (line numbered)
    // in *error and on the dock; nothing changes then.
    bool importFile(const QString &path, QString *error = nullptr);
    QString lastMessage() const;

    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;
    QWidget *buildContent() override;
    void showSession(IncidentSession *session) override;

private:
    void reloadDepartments();
    void showMessage(const QString &text, bool error);

    const StoreWriter &m_writer;
    IncidentStore &m_store;
    PeopleModel *m_people = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    AssignmentModel *m_history = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_peopleView = nullptr;
    QTableWidget *m_departments = nullptr;
    QTableView *m_historyView = nullptr;
    QLabel *m_message = nullptr;
    QAction *m_importAction;
    QAction *m_addPersonAction;
    QAction *m_editPersonAction;
    QAction *m_focusAction;
};

} // namespace cp
