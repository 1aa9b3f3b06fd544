"""Status at a date: each task's status in the categories of QĐ 42/2014/QĐ-TTg (`task_status`, pure),
task views with their agencies and entries, the status report of a period, the agency list, and the
national roll-up over many repositories.

May import: `dnnd.repository` and everything below it.
"""
