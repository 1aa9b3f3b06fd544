"""The Excel form an agency's clerk fills instead of a YAML file: its layout (`layout`), writing it
(`write_form`, `dnnd form`), its instructions (`guide`), reading a filled one back (`read_form`) and turning
it into the agency's update file (`take`, `dnnd take`). openpyxl is imported only by these commands."""
