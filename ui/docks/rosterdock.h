#pragma once

#include <QDockWidget>

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
class RosterDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RosterDock)

public:
    explicit RosterDock(const StoreWriter &writer, QWidget *parent = nullptr);

    // The incident shown; null: none.
    void setSession(IncidentSession *session);
    PeopleModel *people() const { return m_people; }
    QSortFilterProxyModel *filteredPeople() const { return m_proxy; }
    QTableView *peopleView() const { return m_peopleView; }
    QLineEdit *filterEdit() const { return m_filter; }
    AssignmentModel *history() const { return m_history; }
    QTableWidget *departmentsView() const { return m_departments; }
    QTabWidget *tabs() const { return m_tabs; }

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

private:
    void reloadDepartments();
    void showMessage(const QString &text, bool error);

    const StoreWriter &m_writer;
    IncidentStore &m_store;
    PeopleModel *m_people;
    QSortFilterProxyModel *m_proxy;
    AssignmentModel *m_history;
    QTabWidget *m_tabs;
    QLineEdit *m_filter;
    QTableView *m_peopleView;
    QTableWidget *m_departments;
    QTableView *m_historyView;
    QLabel *m_message;
    QAction *m_importAction;
    QAction *m_addPersonAction;
    QAction *m_editPersonAction;
    QAction *m_focusAction;
};

} // namespace cp
